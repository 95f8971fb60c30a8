using MynaPlatform.Notices.Domain.Validation;
using MynaPlatform.Text;
using Xunit;

namespace MynaPlatform.Notices.Domain.Tests;

public sealed class NoticeSearchDocumentTests
{
    private static string Document(string title, string body)
    {
        var result = NoticeValidator.Validate(new NoticeDraft(title, body, "plain", "pension"), DateTimeOffset.UtcNow);
        Assert.True(result.IsValid);
        return NoticeSearchDocument.Create(result.Notice);
    }

    [Theory]
    [InlineData("ﾈﾝｷﾝ")]
    [InlineData("ネンキン")]
    [InlineData("年金")]
    [InlineData("２０２６")]
    public void Create_QueryVariant_IsContained(string query)
    {
        var document = Document("ねんきん定期便（2026年）", "年金の記録をご確認ください。");

        Assert.Contains(SearchText.Normalize(query), document);
    }

    [Fact]
    public void Create_TitleAndBody_AreSeparated() =>
        Assert.Equal("題名 本文", Document("題名", "本文"));
}
