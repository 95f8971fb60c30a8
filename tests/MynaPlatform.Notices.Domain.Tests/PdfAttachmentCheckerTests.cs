using System.Security.Cryptography;
using System.Text;
using MynaPlatform.Notices.Domain.Attachments;
using Xunit;

namespace MynaPlatform.Notices.Domain.Tests;

public sealed class PdfAttachmentCheckerTests
{
    private static byte[] MinimalPdf(int paddingBytes = 0)
    {
        var text = new StringBuilder()
            .Append("%PDF-1.7\n%\u00E2\u00E3\u00CF\u00D3\n")
            .Append("1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n")
            .Append("2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\n")
            .Append('%', paddingBytes)
            .Append("\ntrailer << /Root 1 0 R >>\n%%EOF\n");
        return Encoding.Latin1.GetBytes(text.ToString());
    }

    private static Task<AttachmentCheckResult> Check(string? name, byte[] content) =>
        PdfAttachmentChecker.CheckAsync(name, new MemoryStream(content), TestContext.Current.CancellationToken);

    [Fact]
    public async Task CheckAsync_RealPdf_ReturnsSha256()
    {
        var content = MinimalPdf();

        var result = await Check("納税通知書.pdf", content);

        Assert.True(result.IsValid);
        Assert.Equal("納税通知書.pdf", result.Digest.FileName);
        Assert.Equal(content.Length, result.Digest.Length);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(content)), result.Digest.Sha256);
    }

    [Fact]
    public async Task CheckAsync_KnownBytes_ReturnsKnownDigest()
    {
        var result = await Check("a.pdf", "%PDF-2.0\n%%EOF"u8.ToArray());

        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData("%PDF-2.0\n%%EOF"u8)), result.Digest!.Sha256);
    }

    [Fact]
    public async Task CheckAsync_ExactlyFiveMegabytes_IsAccepted()
    {
        var shell = MinimalPdf();
        var content = MinimalPdf((int)AttachmentLimits.MaxBytes - shell.Length);

        Assert.Equal(AttachmentLimits.MaxBytes, content.Length);
        Assert.True((await Check("big.pdf", content)).IsValid);
    }

    [Fact]
    public async Task CheckAsync_OneByteOverLimit_IsRejected()
    {
        var shell = MinimalPdf();
        var content = MinimalPdf((int)AttachmentLimits.MaxBytes - shell.Length + 1);

        var result = await Check("大きい.pdf", content);

        Assert.False(result.IsValid);
        Assert.Equal("attachments", result.Error.Field);
        Assert.Contains("「大きい.pdf」が大きすぎます", result.Error.Message);
        Assert.Contains("5,242,880 バイト", result.Error.Message);
    }

    [Fact]
    public async Task CheckAsync_EndlessStream_StopsAfterLimit()
    {
        var stream = new CountingStream();

        var result = await PdfAttachmentChecker.CheckAsync("endless.pdf", stream, TestContext.Current.CancellationToken);

        Assert.False(result.IsValid);
        Assert.InRange(stream.BytesRead, AttachmentLimits.MaxBytes + 1, AttachmentLimits.MaxBytes + 100_000);
    }

    [Theory]
    [InlineData("photo.pdf", new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D }, "PNG 画像")]
    [InlineData("scan.pdf", new byte[] { 0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10 }, "JPEG 画像")]
    [InlineData("archive.pdf", new byte[] { 0x50, 0x4B, 0x03, 0x04, 0x14, 0 }, "ZIP 形式")]
    [InlineData("anim.pdf", new byte[] { 0x47, 0x49, 0x46, 0x38, 0x39, 0x61 }, "GIF 画像")]
    public async Task CheckAsync_RenamedBinary_NamesFileAndKind(string name, byte[] content, string kind)
    {
        var result = await Check(name, content);

        Assert.False(result.IsValid);
        Assert.Contains($"「{name}」は PDF ではありません", result.Error.Message);
        Assert.Contains(kind, result.Error.Message);
    }

    [Theory]
    [InlineData("<!DOCTYPE html><html><script>alert(1)</script></html>")]
    [InlineData("\uFEFF  \r\n<html>")]
    [InlineData("<?xml version=\"1.0\"?><svg/>")]
    public async Task CheckAsync_RenamedHtml_IsRejected(string html)
    {
        var result = await Check("お知らせ.pdf", Encoding.UTF8.GetBytes(html));

        Assert.Contains("「お知らせ.pdf」は PDF ではありません（HTML または XMLのようです）", result.Error!.Message);
    }

    [Theory]
    [InlineData(" %PDF-1.7\n%%EOF")]
    [InlineData("%PDF-\n%%EOF")]
    [InlineData("%PDF-x.y\n%%EOF")]
    [InlineData("%pdf-1.7\n%%EOF")]
    [InlineData("plain text\n%%EOF")]
    public async Task CheckAsync_BadHeader_IsRejected(string content)
    {
        var result = await Check("x.pdf", Encoding.ASCII.GetBytes(content));

        Assert.Contains("PDF ではありません。PDF に変換", result.Error!.Message);
    }

    [Fact]
    public async Task CheckAsync_TruncatedPdf_NamesMissingEof()
    {
        var content = MinimalPdf();

        var result = await Check("途中まで.pdf", content[..^10]);

        Assert.Contains("「途中まで.pdf」の末尾に PDF の終わりを示す %%EOF がありません", result.Error!.Message);
    }

    [Fact]
    public async Task CheckAsync_EofOutsideTrailerWindow_IsRejected()
    {
        var content = Encoding.ASCII.GetBytes("%PDF-1.4\n%%EOF\n" + new string(' ', AttachmentLimits.TrailerWindowBytes));

        Assert.False((await Check("x.pdf", content)).IsValid);
    }

    [Fact]
    public async Task CheckAsync_EofAcrossReadChunks_IsFound()
    {
        var content = MinimalPdf(200_000);

        var result = await PdfAttachmentChecker.CheckAsync("x.pdf", new TrickleStream(content, 3), TestContext.Current.CancellationToken);

        Assert.True(result.IsValid);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(content)), result.Digest.Sha256);
    }

    [Fact]
    public async Task CheckAsync_EmptyFile_IsRejected() =>
        Assert.Contains("「empty.pdf」が空です", (await Check("empty.pdf", [])).Error!.Message);

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    [InlineData("../../etc/passwd")]
    [InlineData("C:\\Windows\\a.pdf")]
    [InlineData("..")]
    [InlineData("請求書\u202Efdp.exe")]
    [InlineData("tab\tname.pdf")]
    public async Task CheckAsync_BadFileName_IsRejected(string? name)
    {
        var result = await Check(name, MinimalPdf());

        Assert.False(result.IsValid);
        Assert.Contains("添付ファイルの名前", result.Error.Message);
    }

    [Fact]
    public async Task CheckAsync_BidiControlName_ShowsCodePoint() =>
        Assert.Contains("請求書[U+202E]fdp.exe", (await Check("請求書\u202Efdp.exe", MinimalPdf())).Error!.Message);

    [Fact]
    public async Task CheckAsync_LongFileName_IsRejected() =>
        Assert.Contains("長すぎます", (await Check(new string('a', 252) + ".pdf", MinimalPdf())).Error!.Message);

    [Fact]
    public async Task CheckAsync_DecomposedName_IsComposed()
    {
        var result = await Check("\u304B\u3099.pdf", MinimalPdf());

        Assert.Equal("が.pdf", result.Digest!.FileName);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(5)]
    public void CheckCount_WithinLimit_ReturnsNull(int count) => Assert.Null(PdfAttachmentChecker.CheckCount(count));

    [Fact]
    public void CheckCount_SixFiles_IsRejected()
    {
        var error = PdfAttachmentChecker.CheckCount(6);

        Assert.NotNull(error);
        Assert.Equal("attachments", error.Field);
        Assert.Contains("6件", error.Message);
        Assert.Contains("5件まで", error.Message);
    }

    /// <summary>A stream that never ends and counts what was read from it.</summary>
    private sealed class CountingStream : Stream
    {
        public long BytesRead { get; private set; }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => BytesRead; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            buffer.AsSpan(offset, count).Fill((byte)'%');
            BytesRead += count;
            return count;
        }

        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    /// <summary>Returns a few bytes per read, as a slow network upload can.</summary>
    private sealed class TrickleStream(byte[] content, int bytesPerRead) : MemoryStream(content)
    {
        public override int Read(byte[] buffer, int offset, int count) => base.Read(buffer, offset, Math.Min(count, bytesPerRead));

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            base.ReadAsync(buffer[..Math.Min(buffer.Length, bytesPerRead)], cancellationToken);
    }
}
