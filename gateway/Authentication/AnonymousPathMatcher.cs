namespace MynaPlatform.Gateway.Authentication;

/// <summary>Matches a request path against patterns in which <c>*</c> is one segment and a trailing <c>/**</c> is any rest.</summary>
public sealed class AnonymousPathMatcher(IEnumerable<string> patterns)
{
    private readonly string[][] _patterns = [.. patterns.Select(pattern => pattern.Trim('/').Split('/'))];

    public bool IsAnonymous(PathString path)
    {
        var segments = (path.Value ?? "").Trim('/').Split('/');
        return _patterns.Any(pattern => Matches(pattern, segments));
    }

    private static bool Matches(string[] pattern, string[] segments)
    {
        for (var i = 0; i < pattern.Length; i++)
        {
            if (pattern[i] == "**")
            {
                return true;
            }

            if (i >= segments.Length || (pattern[i] != "*" && !string.Equals(pattern[i], segments[i], StringComparison.OrdinalIgnoreCase)))
            {
                return false;
            }
        }

        return pattern.Length == segments.Length;
    }
}
