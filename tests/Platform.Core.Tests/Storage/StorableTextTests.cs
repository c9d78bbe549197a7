using Platform.Core.Data;

namespace Platform.Core.Tests.Storage;

public sealed class StorableTextTests
{
    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("a\0b", "a\uFFFDb")]
    [InlineData("\ud800x", "\uFFFDx")]
    [InlineData("x\udc00", "x\uFFFD")]
    [InlineData("\udc00\ud800", "\uFFFD\uFFFD")]
    [InlineData("pair \ud83d\ude00 kept", "pair \ud83d\ude00 kept")]
    public void Nul_and_unpaired_surrogates_become_replacement_characters(string input, string expected)
    {
        Assert.Equal(expected, StorableText.Clean(input));
        Assert.True(StorableText.IsStorable(expected));
    }

    [Fact]
    public void Storable_text_is_returned_as_is()
    {
        var text = "unchanged é 😀";
        Assert.Same(text, StorableText.Clean(text));
        Assert.Null(StorableText.Clean(null));
    }
}
