using Xunit;

namespace MynaPlatform.Text.Tests;

public sealed class DisplayCharactersTests
{
    [Theory]
    [InlineData("千代田区", -1)]
    [InlineData("𠮷野家", -1)]
    [InlineData("機関\n名", 2)]
    [InlineData("機関\u0000", 2)]
    [InlineData("機関\u001b[31m", 2)]
    [InlineData("機関\u202eabc", 2)]
    [InlineData("機関\u2066", 2)]
    [InlineData("機関\u2028", 2)]
    [InlineData("機関\u2029", 2)]
    public void FindUnsafe_ReturnsFirstIndex(string text, int expected)
    {
        Assert.Equal(expected, DisplayCharacters.FindUnsafe(text));
    }

    [Theory]
    [InlineData("一行目\n二行目\r\n\t三行目", -1)]
    [InlineData("一行目\n\u202E", 4)]
    [InlineData("一行目\u0000", 3)]
    public void FindUnsafe_LineBreaksAllowed_SkipsOnlyThem(string text, int expected)
    {
        Assert.Equal(expected, DisplayCharacters.FindUnsafe(text, allowLineBreaks: true));
    }

    [Fact]
    public void FindUnsafe_LoneSurrogate_ReturnsIndex()
    {
        // Built in code, because an attribute argument cannot keep an unpaired surrogate.
        Assert.Equal(2, DisplayCharacters.FindUnsafe("機関" + '\ud842'));
        Assert.Equal(0, DisplayCharacters.FindUnsafe('\udfb7' + "機関"));
    }
}
