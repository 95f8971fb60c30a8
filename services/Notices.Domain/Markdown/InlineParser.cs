using System.Text;

namespace MynaPlatform.Notices.Domain.Markdown;

/// <summary>
/// Splits the text of one block into inline tokens and pairs emphasis delimiters. Every scan either
/// consumes what it reads or stops at a character that the next scan starts from, so the work is
/// linear in the length of the text whatever it contains.
/// </summary>
internal static class InlineParser
{
    public const int MaxLinkTextLength = 1000;

    private const int DelimiterKinds = 4;

    public static List<InlineToken> Parse(string text)
    {
        var tokens = new List<InlineToken>();
        var pending = new StringBuilder();
        var index = 0;
        while (index < text.Length)
        {
            var character = text[index];
            if (character == '\n')
            {
                Flush(pending, tokens);
                tokens.Add(new InlineToken { Kind = InlineKind.LineBreak, Text = "\n" });
                index++;
            }
            else if (character == '\\' && index + 1 < text.Length && IsAsciiPunctuation(text[index + 1]))
            {
                pending.Append(text[index + 1]);
                index += 2;
            }
            else if (character is '*' or '_')
            {
                Flush(pending, tokens);
                index = ReadDelimiterRun(text, index, tokens);
            }
            else if (character == '[' && TryReadLink(text, index, out var link, out var linkEnd))
            {
                Flush(pending, tokens);
                tokens.Add(link);
                index = linkEnd;
            }
            else if (character is 'h' or 'H' && IsWordStart(text, index) && SafeUrl.StartsAt(text, index))
            {
                index = ReadBareUrl(text, index, pending, tokens);
            }
            else
            {
                pending.Append(character);
                index++;
            }
        }

        Flush(pending, tokens);
        PairDelimiters(tokens);
        return tokens;
    }

    private static void Flush(StringBuilder pending, List<InlineToken> tokens)
    {
        if (pending.Length > 0)
        {
            tokens.Add(new InlineToken { Kind = InlineKind.Text, Text = pending.ToString() });
            pending.Clear();
        }
    }

    // Flanking looks only at white space, not punctuation, so **「重要」**です works as Japanese
    // writers expect. An underscore next to an ASCII letter or digit stays literal (file_name), and
    // so does a run of three or more markers.
    private static int ReadDelimiterRun(string text, int start, List<InlineToken> tokens)
    {
        var end = start;
        while (end < text.Length && text[end] == text[start])
        {
            end++;
        }

        var run = text[start..end];
        if (run.Length > 2)
        {
            tokens.Add(new InlineToken { Kind = InlineKind.Text, Text = run });
            return end;
        }

        var before = start > 0 ? text[start - 1] : ' ';
        var after = end < text.Length ? text[end] : ' ';
        var intraword = run[0] == '_';

        tokens.Add(new InlineToken
        {
            Kind = InlineKind.Delimiter,
            Text = run,
            CanOpen = !char.IsWhiteSpace(after) && !(intraword && char.IsAsciiLetterOrDigit(before)),
            CanClose = !char.IsWhiteSpace(before) && !(intraword && char.IsAsciiLetterOrDigit(after)),
        });

        return end;
    }

    /// <summary>Reads <c>[text](https://…)</c>. The text is plain (no emphasis, no brackets, one line).</summary>
    private static bool TryReadLink(string text, int start, out InlineToken link, out int end)
    {
        link = null!;
        end = start;

        var label = new StringBuilder();
        var index = start + 1;
        while (index < text.Length && text[index] is not (']' or '[' or '\n') && label.Length <= MaxLinkTextLength)
        {
            if (text[index] == '\\' && index + 1 < text.Length && text[index + 1] is '[' or ']' or '\\')
            {
                index++;
            }

            label.Append(text[index]);
            index++;
        }

        if (index + 1 >= text.Length || text[index] != ']' || text[index + 1] != '(' || label.Length > MaxLinkTextLength)
        {
            return false;
        }

        var destinationStart = index + 2;
        var depth = 0;
        index = destinationStart;
        while (index < text.Length && index - destinationStart <= SafeUrl.MaxLength && SafeUrl.IsUrlCharacter(text[index]))
        {
            if (text[index] == '(')
            {
                depth++;
            }
            else if (text[index] == ')' && depth-- == 0)
            {
                break;
            }

            index++;
        }

        if (index >= text.Length || text[index] != ')' || !SafeUrl.TryCreate(text[destinationStart..index], out var url))
        {
            return false;
        }

        link = new InlineToken { Kind = InlineKind.Link, Text = label.ToString().Trim(), Url = url };
        end = index + 1;
        return true;
    }

    private static bool IsAsciiPunctuation(char character) =>
        character < 0x80 && (char.IsPunctuation(character) || char.IsSymbol(character));

    private static bool IsWordStart(string text, int index) => index == 0 || !char.IsAsciiLetterOrDigit(text[index - 1]);

    /// <summary>
    /// Reads an address written without link syntax. It ends at the first character outside the URI
    /// set (so Japanese text can follow it directly), less trailing punctuation and unbalanced ')'.
    /// An address that is not a <see cref="SafeUrl"/> is kept whole as text.
    /// </summary>
    private static int ReadBareUrl(string text, int start, StringBuilder pending, List<InlineToken> tokens)
    {
        var end = start;
        while (end < text.Length && SafeUrl.IsUrlCharacter(text[end]))
        {
            end++;
        }

        var candidate = text.AsSpan(start, end - start);
        while (candidate.Length > 0 && (".,:;!?'*_".Contains(candidate[^1])
            || candidate[^1] == ')' && candidate.Count(')') > candidate.Count('(')))
        {
            candidate = candidate[..^1];
        }

        if (SafeUrl.TryCreate(candidate.ToString(), out var url))
        {
            Flush(pending, tokens);
            tokens.Add(new InlineToken { Kind = InlineKind.Link, Text = "", Url = url });
            return start + candidate.Length;
        }

        pending.Append(text, start, end - start);
        return end;
    }

    /// <summary>
    /// Pairs each closing delimiter with the nearest open delimiter of the same kind. Openers between
    /// the two stay literal, so pairs always nest. Each opener is pushed and popped once, which keeps
    /// the pairing linear even for inputs such as "*_*_*_…".
    /// </summary>
    private static void PairDelimiters(List<InlineToken> tokens)
    {
        var openers = new List<int>();
        var openersByKind = new Stack<int>[DelimiterKinds];
        for (var kind = 0; kind < DelimiterKinds; kind++)
        {
            openersByKind[kind] = new Stack<int>();
        }

        for (var index = 0; index < tokens.Count; index++)
        {
            var token = tokens[index];
            if (token.Kind != InlineKind.Delimiter)
            {
                continue;
            }

            var sameKind = openersByKind[token.DelimiterKind];
            if (token.CanClose && sameKind.Count > 0)
            {
                var openerPosition = sameKind.Peek();
                var openerIndex = openers[openerPosition];
                while (openers.Count > openerPosition)
                {
                    var dropped = openers[^1];
                    openers.RemoveAt(openers.Count - 1);
                    openersByKind[tokens[dropped].DelimiterKind].Pop();
                }

                tokens[openerIndex].Partner = index;
                tokens[openerIndex].IsOpener = true;
                token.Partner = openerIndex;
                continue;
            }

            if (token.CanOpen)
            {
                openersByKind[token.DelimiterKind].Push(openers.Count);
                openers.Add(index);
            }
        }
    }
}
