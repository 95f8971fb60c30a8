using System.Text.RegularExpressions;
using Xunit;

namespace MynaPlatform.Notices.Domain.Tests;

/// <summary>
/// An independent check of rendered HTML: every tag is one of the allowed elements with exactly the
/// allowed attributes, tags nest properly, and no other angle bracket or unescaped ampersand is left.
/// </summary>
internal static partial class AllowedHtml
{
    private static readonly HashSet<string> PlainTags = ["p", "br", "em", "strong", "ul", "li"];

    public static void AssertSafe(string html)
    {
        var open = new Stack<string>();
        var rest = Tag().Replace(html, match =>
        {
            var closing = match.Groups["close"].Success;
            var name = match.Groups["name"].Value;
            var attributes = match.Groups["attributes"].Value;
            if (!IsAllowed(name, attributes, closing))
            {
                Assert.Fail($"Tag not allowed: {match.Value}");
            }

            if (closing && !(open.TryPop(out var expected) && expected == name))
            {
                Assert.Fail($"Unbalanced </{name}> at index {match.Index}");
            }
            else if (!closing && name != "br")
            {
                open.Push(name);
            }

            return "";
        });

        Assert.Empty(open);
        Assert.DoesNotContain('<', rest);
        Assert.DoesNotContain('>', rest);
        Assert.DoesNotContain('"', rest);
        Assert.Empty(UnescapedAmpersand().Matches(rest));
    }

    private static bool IsAllowed(string name, string attributes, bool closing)
    {
        if (closing || PlainTags.Contains(name))
        {
            return attributes.Length == 0 && (PlainTags.Contains(name) || name is "a" or "ol") && !(closing && name == "br");
        }

        return name switch
        {
            "ol" => attributes.Length == 0 || OrderedStart().IsMatch(attributes),
            "a" => LinkAttributes().IsMatch(attributes),
            _ => false,
        };
    }

    [GeneratedRegex("<(?<close>/)?(?<name>[A-Za-z][A-Za-z0-9]*)(?<attributes>[^>]*)>")]
    private static partial Regex Tag();

    [GeneratedRegex("^ start=\"[0-9]+\"$")]
    private static partial Regex OrderedStart();

    // The address may contain only URI characters, with & and ' escaped.
    [GeneratedRegex("^ href=\"https://(?:[A-Za-z0-9\\-._~:/?#@!$()*+,;=%]|&amp;|&#39;)+\" rel=\"noopener noreferrer nofollow\"$", RegexOptions.IgnoreCase)]
    private static partial Regex LinkAttributes();

    [GeneratedRegex("&(?!(?:amp|lt|gt|quot|#39);)")]
    private static partial Regex UnescapedAmpersand();
}
