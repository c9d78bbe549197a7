using Platform.Core.Data;

namespace Platform.Core.Tests.Storage;

public sealed class StorableTextTests
{
    // A table, not InlineData: the test runner re-encodes theory arguments, which turns a lone surrogate into U+FFFD.
    [Fact]
    public void Nul_and_unpaired_surrogates_become_replacement_characters()
    {
        (string Input, string Expected)[] cases =
        [
            ("plain", "plain"),
            ("a\0b", "a\uFFFDb"),
            ("\ud800x", "\uFFFDx"),
            ("x\udc00", "x\uFFFD"),
            ("\udc00\ud800", "\uFFFD\uFFFD"),
            ("pair \ud83d\ude00 kept", "pair \ud83d\ude00 kept"),
        ];
        foreach (var (input, expected) in cases)
        {
            Assert.Equal(expected, StorableText.Clean(input));
            Assert.True(StorableText.IsStorable(expected));
            Assert.Equal(input == expected, StorableText.IsStorable(input));
        }
    }

    [Fact]
    public void Storable_text_is_returned_as_is()
    {
        var text = "unchanged é 😀";
        Assert.Same(text, StorableText.Clean(text));
        Assert.Null(StorableText.Clean(null));
    }
}
