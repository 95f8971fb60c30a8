using MynaPlatform.Notices.Domain.Validation;
using MynaPlatform.Text;

namespace MynaPlatform.Notices.Domain.Attachments;

/// <summary>
/// Rules for an attachment's file name, which the person sees in the inbox and when downloading.
/// A name is a single segment of at most <see cref="AttachmentLimits.FileNameMaxLength"/> UTF-16 code
/// units, without path separators, control characters or bidirectional controls (which can make
/// "請求書[U+202E]fdp.exe" display as "請求書exe.pdf").
/// </summary>
internal static class AttachmentFileNames
{
    public static string? Check(string? fileName)
    {
        if (string.IsNullOrWhiteSpace(fileName))
        {
            return "添付ファイルの名前がありません。ファイル名を付けて添付してください。";
        }

        if (fileName.Length > AttachmentLimits.FileNameMaxLength)
        {
            return $"添付ファイルの名前が長すぎます（{fileName.Length}文字）。{AttachmentLimits.FileNameMaxLength}文字以内にしてください。";
        }

        if (fileName is "." or ".." || fileName.Any(IsForbidden) || TextChecks.HasLoneSurrogate(fileName))
        {
            return $"添付ファイルの名前「{Printable(fileName)}」に使えない文字があります。/ \\ 、制御文字、文字の向きを変える記号を含まない名前にしてください。";
        }

        return null;
    }

    private static bool IsForbidden(char character) => character is '/' or '\\' || DisplayCharacters.IsUnsafe(character);

    /// <summary>The name with each forbidden character shown as U+XXXX, so the message itself stays safe to display.</summary>
    private static string Printable(string fileName) => string.Concat(fileName.Select(character =>
        IsForbidden(character) && character is not ('/' or '\\') || char.IsSurrogate(character)
            ? $"[U+{(int)character:X4}]"
            : character.ToString()));
}
