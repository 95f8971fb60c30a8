namespace MynaPlatform.Gateway.Authentication;

/// <summary>Matches a request path against patterns in which <c>*</c> is one segment and a trailing <c>/**</c> is any rest.</summary>
public sealed class AnonymousPathMatcher(IEnumerable<string> patterns)
{
    private readonly string[][] _patterns = [.. patterns.Select(pattern => pattern.Trim('/').Split('/'))];

    public bool IsAnonymous(PathString path)
    {
        // Matched on spans, because every request to /api/ is checked and a split would allocate.
        var trimmed = (path.Value ?? "").AsSpan().Trim('/');
        foreach (var pattern in _patterns)
        {
            if (Matches(pattern, trimmed))
            {
                return true;
            }
        }

        return false;
    }

    private static bool Matches(string[] pattern, ReadOnlySpan<char> path)
    {
        var segments = path.Split('/');
        foreach (var part in pattern)
        {
            if (part == "**")
            {
                return true;
            }

            if (!segments.MoveNext())
            {
                return false;
            }

            if (part != "*" && !path[segments.Current].Equals(part, StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }
        }

        return !segments.MoveNext();
    }
}
