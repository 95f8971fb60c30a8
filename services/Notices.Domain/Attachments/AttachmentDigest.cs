namespace MynaPlatform.Notices.Domain.Attachments;

/// <summary>A checked PDF attachment: its NFC file name, its size in bytes and its SHA-256 as lower-case hex.</summary>
public sealed record AttachmentDigest(string FileName, long Length, string Sha256);
