using System.Text;
using System.Text.Json;
using MynaPlatform.Notices.Domain.Attachments;
using MynaPlatform.Notices.Domain.Idempotency;
using MynaPlatform.Notices.Domain.Validation;
using Xunit;

namespace MynaPlatform.Notices.Domain.Tests;

public sealed class PushFingerprintTests
{
    private static readonly AttachmentDigest Statement = new("通知書.pdf", 1234, new string('a', 64));

    // The request DTO the notices API is expected to bind; property names follow NoticeFields.
    private sealed record PushRequest(
        string? Recipient, string? Title, string? Body, string? BodyFormat, string? Category,
        DateTimeOffset? PublishAt, DateTimeOffset? ExpiresAt, string? PaymentReference);

    private static NoticePushItem FromJson(string json)
    {
        var request = JsonSerializer.Deserialize<PushRequest>(json, JsonSerializerOptions.Web)!;
        return new NoticePushItem(request.Recipient, new NoticeDraft(
            request.Title, request.Body, request.BodyFormat, request.Category,
            request.PublishAt, request.ExpiresAt, request.PaymentReference));
    }

    private static NoticePushItem Item(string title = "住民税のお知らせ", string? paymentReference = null) =>
        new("agency-person-1", new NoticeDraft(title, "本文", "plain", "tax",
            new DateTimeOffset(2026, 6, 1, 9, 0, 0, TimeSpan.FromHours(9)), null, paymentReference));

    [Fact]
    public void ForSingle_ReorderedJson_IsEqual()
    {
        var first = FromJson("""{"recipient":"p-1","title":"年金","body":"本文","category":"pension","publishAt":"2026-06-01T09:00:00+09:00"}""");
        var second = FromJson("""
            {
              "publishAt" : "2026-06-01T00:00:00Z",
              "category" : "pension",
              "body" : "\u672c\u6587",
              "title" : "年金",
              "recipient" : "p-1"
            }
            """);

        Assert.Equal(PushFingerprint.ForSingle(first, [Statement]), PushFingerprint.ForSingle(second, [Statement]));
    }

    [Fact]
    public void ForSingle_ExplicitNullAndMissing_AreEqual()
    {
        var withNull = FromJson("""{"recipient":"p","title":"t","body":"b","category":"tax","paymentReference":null}""");
        var missing = FromJson("""{"recipient":"p","title":"t","body":"b","category":"tax"}""");

        Assert.Equal(PushFingerprint.ForSingle(withNull, []), PushFingerprint.ForSingle(missing, []));
    }

    [Fact]
    public void ForSingle_ExplicitDefaultFormat_EqualsMissing()
    {
        var explicitPlain = FromJson("""{"recipient":"p","title":"t","body":"b","bodyFormat":"plain","category":"tax"}""");
        var missing = FromJson("""{"recipient":"p","title":"t","body":"b","category":"tax"}""");
        var markdown = FromJson("""{"recipient":"p","title":"t","body":"b","bodyFormat":"markdown","category":"tax"}""");

        Assert.Equal(PushFingerprint.ForSingle(explicitPlain, []), PushFingerprint.ForSingle(missing, []));
        Assert.NotEqual(PushFingerprint.ForSingle(markdown, []), PushFingerprint.ForSingle(missing, []));
    }

    [Fact]
    public void ForSingle_SameContent_IsStable()
    {
        var fingerprint = PushFingerprint.ForSingle(Item(), [Statement]);

        Assert.Equal(fingerprint, PushFingerprint.ForSingle(Item(), [Statement with { }]));
        Assert.Matches("^[0-9a-f]{64}$", fingerprint.Sha256);
    }

    [Fact]
    public void ForSingle_ChangedField_Differs()
    {
        var original = PushFingerprint.ForSingle(Item(), [Statement]);

        Assert.NotEqual(original, PushFingerprint.ForSingle(Item(title: "住民税のお知らせ "), [Statement]));
        Assert.NotEqual(original, PushFingerprint.ForSingle(Item(paymentReference: "PE-1"), [Statement]));
        Assert.NotEqual(original, PushFingerprint.ForSingle(Item() with { Recipient = "agency-person-2" }, [Statement]));
        Assert.NotEqual(original, PushFingerprint.ForSingle(Item(), []));
        Assert.NotEqual(original, PushFingerprint.ForSingle(Item(), [Statement with { Sha256 = new string('b', 64) }]));
        Assert.NotEqual(original, PushFingerprint.ForSingle(Item(), [Statement with { FileName = "別名.pdf" }]));
        Assert.NotEqual(original, PushFingerprint.ForSingle(Item(), [Statement, Statement]));
    }

    [Fact]
    public void ForSingle_EmptyStringVersusNull_Differ()
    {
        var empty = new NoticePushItem("p", new NoticeDraft("t", "b", null, "tax", PaymentReference: ""));
        var missing = new NoticePushItem("p", new NoticeDraft("t", "b", null, "tax"));

        Assert.NotEqual(PushFingerprint.ForSingle(empty, []), PushFingerprint.ForSingle(missing, []));
    }

    [Fact]
    public void ForSingle_FieldBoundaryShift_Differs()
    {
        // Plain concatenation would make these equal: "ab" + "c" versus "a" + "bc".
        var first = new NoticePushItem("p", new NoticeDraft("ab", "c", null, "tax"));
        var second = new NoticePushItem("p", new NoticeDraft("a", "bc", null, "tax"));

        Assert.NotEqual(PushFingerprint.ForSingle(first, []), PushFingerprint.ForSingle(second, []));
    }

    [Fact]
    public void ForSingle_AttachmentOrder_Matters()
    {
        var other = new AttachmentDigest("別紙.pdf", 99, new string('c', 64));

        Assert.NotEqual(
            PushFingerprint.ForSingle(Item(), [Statement, other]),
            PushFingerprint.ForSingle(Item(), [other, Statement]));
    }

    [Fact]
    public void ForSingle_LoneSurrogate_IsFingerprinted()
    {
        var broken = new NoticePushItem("p", new NoticeDraft("a\uD800", "b", null, "tax"));
        var replaced = new NoticePushItem("p", new NoticeDraft("a\uFFFD", "b", null, "tax"));

        Assert.NotEqual(PushFingerprint.ForSingle(broken, []), PushFingerprint.ForSingle(replaced, []));
    }

    [Fact]
    public void CanonicalForm_IsCompactOrderedJson()
    {
        using var output = new MemoryStream();

        PushFingerprint.WriteCanonicalForm(output, Item(), [Statement]);

        var json = Encoding.UTF8.GetString(output.ToArray());
        Assert.StartsWith("""{"version":"notice-push/1","kind":"single","recipient":"agency-person-1","title":""", json);
        Assert.Contains("\"publishAt\":\"2026-06-01T00:00:00.0000000Z\",\"expiresAt\":null", json);
        Assert.EndsWith($$"""[{"fileName":"\u901A\u77E5\u66F8.pdf","length":1234,"sha256":"{{new string('a', 64)}}"}]}""", json);
        Assert.DoesNotContain(" ", json.Replace("住民税のお知らせ", ""));
    }

    [Fact]
    public void ForBatch_SameItems_AreEqual()
    {
        var items = Enumerable.Range(0, 100).Select(index => Item(title: $"お知らせ{index}")).ToList();

        Assert.Equal(PushFingerprint.ForBatch(items), PushFingerprint.ForBatch(items.Select(item => item with { }).ToList()));
    }

    [Fact]
    public void ForBatch_ItemOrderOrCount_Differs()
    {
        var items = new[] { Item(title: "一"), Item(title: "二") };

        Assert.NotEqual(PushFingerprint.ForBatch(items), PushFingerprint.ForBatch(items.Reverse().ToList()));
        Assert.NotEqual(PushFingerprint.ForBatch(items), PushFingerprint.ForBatch(items[..1]));
    }

    [Fact]
    public void ForBatch_SingleItem_DiffersFromSinglePush() =>
        Assert.NotEqual(PushFingerprint.ForBatch([Item()]), PushFingerprint.ForSingle(Item(), []));
}
