namespace MynaPlatform.Notices.Domain.Markdown;

/// <summary>
/// Splits text into paragraphs and flat lists, one line at a time. A blank line ends a block. A line
/// that starts with "- ", "* ", "+ " or a number and "." or ")" is a list item; any other line continues
/// the current paragraph or list item. Everything else in Markdown (headings, quotes, code, tables)
/// stays text.
/// </summary>
internal static class BlockParser
{
    private const int MaxOrderedNumberDigits = 9;

    public static List<Block> Parse(string text)
    {
        var blocks = new List<Block>();
        Block? current = null;
        foreach (var rawLine in text.Split('\n'))
        {
            var line = rawLine.Trim(' ', '\t');
            if (line.Length == 0)
            {
                current = null;
                continue;
            }

            if (TryReadItem(line, out var ordered, out var marker, out var number, out var content)
                && !(current is Paragraph && ordered && number != 1))
            {
                if (current is ListBlock list && list.Ordered == ordered && list.Marker == marker)
                {
                    list.Items.Add([content]);
                    continue;
                }

                current = new ListBlock(ordered, marker, number, [[content]]);
                blocks.Add(current);
                continue;
            }

            switch (current)
            {
                case Paragraph paragraph:
                    paragraph.Lines.Add(line);
                    break;
                case ListBlock list:
                    list.Items[^1].Add(line);
                    break;
                default:
                    current = new Paragraph([line]);
                    blocks.Add(current);
                    break;
            }
        }

        return blocks;
    }

    // Nesting is not part of the subset: an indented item joins the same flat list. An ordered item
    // interrupts a paragraph only when it starts at 1, so "2026. 4月から…" inside a paragraph stays text.
    private static bool TryReadItem(string line, out bool ordered, out char marker, out int number, out string content)
    {
        ordered = false;
        marker = line[0];
        number = 1;
        content = "";

        var index = 0;
        if (line[0] is '-' or '*' or '+')
        {
            index = 1;
        }
        else
        {
            while (index < line.Length && index < MaxOrderedNumberDigits && char.IsAsciiDigit(line[index]))
            {
                index++;
            }

            if (index == 0 || index >= line.Length || line[index] is not ('.' or ')'))
            {
                return false;
            }

            ordered = true;
            marker = line[index];
            number = int.Parse(line.AsSpan(0, index), provider: System.Globalization.CultureInfo.InvariantCulture);
            index++;
        }

        if (index >= line.Length || line[index] is not (' ' or '\t'))
        {
            return false;
        }

        content = line[index..].Trim(' ', '\t');
        return content.Length > 0;
    }
}
