using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Xunit;
using static MynaPlatform.Platform.Tests.Notices.NoticeTestKit;

namespace MynaPlatform.Platform.Tests.Notices;

public sealed class NoticeAttachmentTests(PlatformFixture platform)
{
    private const int FiveMegabytes = 5 * 1024 * 1024;

    [Fact]
    public async Task Multipart_TwoPdfs_DownloadedAsSent()
    {
        var agency = await platform.RegisterAgencyAsync("江東区");
        var person = await platform.RegisterPersonAsync(agency);
        var statement = Pdf("納付書", 2_000);
        var guide = Pdf("案内", 300_000);

        using var response = await PushMultipartAsync(agency, person, NewKey(), ("納付書.pdf", statement), ("guide.pdf", guide));
        var body = await response.Content.ReadAsStringAsync(Token);
        Assert.True(response.StatusCode == HttpStatusCode.Created, body);
        var noticeId = JsonDocument.Parse(body).RootElement.GetProperty("noticeId").GetGuid();

        var opened = await platform.GetJsonAsync($"{InboxPath}/{noticeId}", person.Token);
        var attachments = opened.GetProperty("attachments").EnumerateArray().ToList();
        Assert.Equal(["納付書.pdf", "guide.pdf"], attachments.Select(attachment => attachment.GetProperty("fileName").GetString()));
        Assert.Equal([1, 2], attachments.Select(attachment => attachment.GetProperty("position").GetInt32()));

        using var download = await platform.SendAsync(HttpMethod.Get, $"{InboxPath}/{noticeId}/attachments/1", person.Token);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/pdf", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal("nosniff", Assert.Single(download.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("納付書.pdf", download.Content.Headers.ContentDisposition?.FileNameStar);
        Assert.Equal(statement, await download.Content.ReadAsByteArrayAsync(Token));
        using var missing = await platform.SendAsync(HttpMethod.Get, $"{InboxPath}/{noticeId}/attachments/3", person.Token);
        Assert.Contains("添付ファイル", await ProblemDetailAsync(missing, HttpStatusCode.NotFound));
    }

    [Fact]
    public async Task Multipart_NewBoundarySameContent_Replayed()
    {
        var agency = await platform.RegisterAgencyAsync("墨田区");
        var person = await platform.RegisterPersonAsync(agency);
        var key = NewKey();
        var pdf = Pdf("同じ内容", 1_000);

        using var first = await PushMultipartAsync(agency, person, key, ("a.pdf", pdf));
        using var retry = await PushMultipartAsync(agency, person, key, ("a.pdf", pdf));
        using var changed = await PushMultipartAsync(agency, person, key, ("a.pdf", Pdf("違う内容", 1_000)));

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, retry.StatusCode);
        Assert.Equal("true", Assert.Single(retry.Headers.GetValues("Idempotent-Replayed")));
        Assert.Equal(await first.Content.ReadAsStringAsync(Token), await retry.Content.ReadAsStringAsync(Token));
        Assert.Equal(HttpStatusCode.Conflict, changed.StatusCode);
        Assert.Single(await platform.InboxIdsAsync(person));
    }

    [Fact]
    public async Task Multipart_NotPdf_Returns400NamingFile()
    {
        var agency = await platform.RegisterAgencyAsync("台東区");
        var person = await platform.RegisterPersonAsync(agency);
        var png = new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13 };

        using var response = await PushMultipartAsync(agency, person, NewKey(), ("請求書.pdf", png));

        var detail = await ProblemDetailAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("請求書.pdf", detail);
        Assert.Contains("PDF ではありません", detail);
        Assert.Empty(await platform.InboxIdsAsync(person));
    }

    [Fact]
    public async Task Multipart_NoticeAsFile_IsAccepted()
    {
        var agency = await platform.RegisterAgencyAsync("目黒区");
        var person = await platform.RegisterPersonAsync(agency);
        var json = new ByteArrayContent(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(Notice(person.Recipient, title: "ファイルで送ったお知らせ"))));
        json.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        var form = new MultipartFormDataContent($"boundary-{Guid.NewGuid():N}") { { json, "notice", "notice.json" } };

        using var response = await platform.SendAsync(HttpMethod.Post, PushPath, agency.Token, form, NewKey());

        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync(Token));
        Assert.Single(await platform.InboxIdsAsync(person));
    }

    [Theory]
    [InlineData(2, "utf-8", "2 つ以上")]
    [InlineData(1, "shift_jis", "文字コード")]
    public async Task Multipart_BadNoticePart_Returns400(int noticeParts, string charset, string expected)
    {
        var agency = await platform.RegisterAgencyAsync("荒川区");
        var person = await platform.RegisterPersonAsync(agency);
        var form = new MultipartFormDataContent($"boundary-{Guid.NewGuid():N}");
        for (var part = 0; part < noticeParts; part++)
        {
            var json = new ByteArrayContent(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(Notice(person.Recipient, title: $"パート {part + 1}"))));
            json.Headers.TryAddWithoutValidation("Content-Type", $"application/json; charset={charset}");
            form.Add(json, "notice");
        }

        using var response = await platform.SendAsync(HttpMethod.Post, PushPath, agency.Token, form, NewKey());

        var detail = await ProblemDetailAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains(expected, detail);
        Assert.Empty(await platform.InboxIdsAsync(person));
    }

    [Fact]
    public async Task Multipart_OverFiveMegabytes_Returns400()
    {
        var agency = await platform.RegisterAgencyAsync("文京区");
        var person = await platform.RegisterPersonAsync(agency);

        using var atLimit = await PushMultipartAsync(agency, person, NewKey(), ("limit.pdf", Pdf("上限", FiveMegabytes)));
        using var overLimit = await PushMultipartAsync(agency, person, NewKey(), ("large.pdf", Pdf("超過", FiveMegabytes + 1)));

        Assert.Equal(HttpStatusCode.Created, atLimit.StatusCode);
        var detail = await ProblemDetailAsync(overLimit, HttpStatusCode.BadRequest);
        Assert.Contains("large.pdf", detail);
        Assert.Contains("5 MB", detail);
    }

    [Fact]
    public async Task Multipart_SixFiles_Returns400()
    {
        var agency = await platform.RegisterAgencyAsync("中央区");
        var person = await platform.RegisterPersonAsync(agency);
        var files = Enumerable.Range(1, 6).Select(number => ($"file{number}.pdf", Pdf($"{number}", 500))).ToArray();

        using var response = await PushMultipartAsync(agency, person, NewKey(), files);

        Assert.Contains("5件まで", await ProblemDetailAsync(response, HttpStatusCode.BadRequest));
    }

    [Fact]
    public async Task Multipart_OverRouteLimit_Returns413()
    {
        var agency = await platform.RegisterAgencyAsync("荒川区");
        var person = await platform.RegisterPersonAsync(agency);
        var files = Enumerable.Range(1, 6).Select(number => ($"file{number}.pdf", Pdf($"{number}", FiveMegabytes))).ToArray();

        // With 100-continue the gateway responds before the body is sent; otherwise it resets the upload.
        using var response = await PushMultipartAsync(agency, person, NewKey(), files, expectContinue: true);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task Multipart_Malformed_Returns400()
    {
        var agency = await platform.RegisterAgencyAsync("北区");
        var content = new StringContent("--abc\r\nContent-Disposition: form-data; name=\"notice\"\r\n\r\n{", Encoding.UTF8);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse("multipart/form-data; boundary=abc");

        using var response = await platform.SendAsync(HttpMethod.Post, PushPath, agency.Token, content, NewKey());

        Assert.Contains("multipart/form-data", await ProblemDetailAsync(response, HttpStatusCode.BadRequest));
    }

    [Fact]
    public async Task BatchWithAttachmentField_Returns400()
    {
        var agency = await platform.RegisterAgencyAsync("渋谷区");

        using var response = await platform.SendAsync(HttpMethod.Post, BatchPath, agency.Token,
            JsonContent.Create(new { items = new[] { new { recipient = "x", attachments = new[] { "a.pdf" } } } }), NewKey());

        Assert.Contains("attachments", await ProblemDetailAsync(response, HttpStatusCode.BadRequest));
    }

    private Task<HttpResponseMessage> PushMultipartAsync(TestAgency agency, TestPerson person, string key, params (string Name, byte[] Content)[] files) =>
        PushMultipartAsync(agency, person, key, files, expectContinue: false);

    private async Task<HttpResponseMessage> PushMultipartAsync(
        TestAgency agency, TestPerson person, string key, (string Name, byte[] Content)[] files, bool expectContinue)
    {
        var form = new MultipartFormDataContent($"boundary-{Guid.NewGuid():N}");
        var notice = JsonSerializer.Serialize(Notice(person.Recipient, title: "添付ファイル付きのお知らせ"));
        form.Add(new StringContent(notice, Encoding.UTF8, "application/json"), "notice");
        foreach (var (name, content) in files)
        {
            var file = new ByteArrayContent(content);
            file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
            form.Add(file, "attachments", name);
        }

        using var client = platform.CreateGatewayClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, PushPath) { Content = form }.WithBearer(agency.Token);
        request.Headers.Add("Idempotency-Key", key);
        request.Headers.ExpectContinue = expectContinue;
        return await client.SendAsync(request, Token);
    }

    /// <summary>A file that passes the PDF check: the header, filler up to <paramref name="length"/> bytes and the end marker.</summary>
    private static byte[] Pdf(string marker, int length)
    {
        var head = Encoding.ASCII.GetBytes($"%PDF-1.7\n% {Convert.ToHexString(Encoding.UTF8.GetBytes(marker))}\n");
        var tail = "\n%%EOF\n"u8.ToArray();
        var pdf = new byte[length];
        pdf.AsSpan().Fill((byte)' ');
        head.CopyTo(pdf, 0);
        tail.CopyTo(pdf, length - tail.Length);
        return pdf;
    }
}
