namespace MynaPlatform.Notices.Domain.Attachments;

/// <summary>Recognises a file's leading bytes, to tell the sender what a rejected file seems to be.</summary>
internal static class FileSignatures
{
    private static readonly byte[] Pdf = "%PDF-"u8.ToArray();
    private static readonly byte[] Png = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];
    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF];
    private static readonly byte[] Gif = "GIF8"u8.ToArray();
    private static readonly byte[] Zip = [(byte)'P', (byte)'K', 0x03, 0x04];
    private static readonly byte[] EmptyZip = [(byte)'P', (byte)'K', 0x05, 0x06];
    private static readonly byte[] Utf8Bom = [0xEF, 0xBB, 0xBF];

    /// <summary>True for "%PDF-" followed by a version such as 1.7 or 2.0.</summary>
    public static bool IsPdfHeader(ReadOnlySpan<byte> head) =>
        head.StartsWith(Pdf) && head.Length >= Pdf.Length + 3
        && char.IsAsciiDigit((char)head[Pdf.Length]) && head[Pdf.Length + 1] == '.' && char.IsAsciiDigit((char)head[Pdf.Length + 2]);

    /// <summary>A Japanese name for the kind of file, or null when it is not recognised.</summary>
    public static string? Describe(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith(Png))
        {
            return "PNG 画像";
        }

        if (head.StartsWith(Jpeg))
        {
            return "JPEG 画像";
        }

        if (head.StartsWith(Gif))
        {
            return "GIF 画像";
        }

        if (head.StartsWith(Zip) || head.StartsWith(EmptyZip))
        {
            return "ZIP 形式のファイル（Word、Excel などを含む）";
        }

        var text = head.StartsWith(Utf8Bom) ? head[Utf8Bom.Length..] : head;
        var firstVisible = text.IndexOfAnyExcept(" \t\r\n"u8);
        return firstVisible >= 0 && text[firstVisible] == '<' ? "HTML または XML" : null;
    }
}
