using MynaPlatform.SelfInfo.Domain.Categories;
using MynaPlatform.SelfInfo.Domain.Records;
using MynaPlatform.Text;
using Xunit;

namespace MynaPlatform.SelfInfo.Tests.Domain;

public sealed class RecordSearchDocumentTests
{
    [Fact]
    public void Document_NormalisesEveryPart()
    {
        var document = RecordSearchDocument.Create(new SelfInfoCategory("年金", "年金その他"), "日本年金機構",
            [new RecordItem("ﾈﾝｷﾝ種別", "老齢基礎年金", null), new RecordItem("支給額", "７８００００", "円")]);

        Assert.Contains("ねんきん種別", document);
        Assert.Contains("780000円", document);
        Assert.Contains("日本年金機構", document);
        Assert.Contains("年金その他", document);
        Assert.Equal(SearchText.Normalize(document), document);
    }

    [Fact]
    public void QueryInAnyForm_MatchesDocument()
    {
        var document = RecordSearchDocument.Create(new SelfInfoCategory("健康・医療", "予防接種"), "千代田区", [new RecordItem("ワクチン", "ＢＣＧ", null)]);

        Assert.Contains(SearchText.Normalize("bcg"), document);
        Assert.Contains(SearchText.Normalize("わくちん"), document);
        Assert.Contains(SearchText.Normalize("接種"), document);
    }
}
