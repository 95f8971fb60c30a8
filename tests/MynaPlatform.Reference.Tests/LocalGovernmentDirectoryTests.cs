using MynaPlatform.Reference;
using Xunit;

namespace MynaPlatform.Reference.Tests;

public sealed class LocalGovernmentDirectoryTests
{
    [Fact]
    public void All_Entries_HaveValidCheckDigits()
    {
        var invalid = LocalGovernmentDirectory.All.Where(entry => !LocalGovernmentCode.IsValid(entry.Code)).Select(entry => entry.Code);

        Assert.Empty(invalid);
    }

    [Fact]
    public void All_Prefectures_AreFortySeven() =>
        Assert.Equal(47, LocalGovernmentDirectory.All.Count(entry => entry.Kind == LocalGovernmentKind.Prefecture));

    [Fact]
    public void Find_Chiyoda_ReturnsWardOfTokyo()
    {
        var chiyoda = LocalGovernmentDirectory.Find("131016");

        Assert.NotNull(chiyoda);
        Assert.Equal("千代田区", chiyoda.Name);
        Assert.Equal("ちよだく", chiyoda.Reading);
        Assert.Equal("東京都", chiyoda.Prefecture);
        Assert.Equal("東京都千代田区", chiyoda.FullName);
    }

    [Fact]
    public void Find_WardOfDesignatedCity_NamesItsCity()
    {
        var chuo = LocalGovernmentDirectory.Find("011011");

        Assert.NotNull(chuo);
        Assert.Equal(LocalGovernmentKind.Ward, chuo.Kind);
        Assert.Equal("札幌市", chuo.ParentMunicipality);
        Assert.Equal("北海道札幌市中央区", chuo.FullName);
    }

    [Fact]
    public void Find_UnknownCode_ReturnsNull() => Assert.Null(LocalGovernmentDirectory.Find("999999"));
}
