using Platform.Core.Interactions;

namespace Platform.Core.Tests.Interactions;

public sealed class EditDistanceTests
{
    [Theory]
    [InlineData("kitten", "sitting", 3)]
    [InlineData("sitting", "kitten", 3)]
    [InlineData("flaw", "lawn", 2)]
    [InlineData("", "", 0)]
    [InlineData("", "abc", 3)]
    [InlineData("abc", "", 3)]
    [InlineData("same", "same", 0)]
    [InlineData("café", "cafe", 1)]
    [InlineData("a😀b", "ab", 1)]
    [InlineData("😀😃", "😃😀", 2)]
    [InlineData("日本語", "日本人", 1)]
    public void Known_pairs_have_their_distance(string a, string b, int expected) =>
        Assert.Equal(expected, EditDistance.Between(a, b));

    [Fact]
    public void Texts_at_the_cap_are_computed_exactly()
    {
        var a = new string('a', EditDistance.MaxChars);
        var b = new string('b', EditDistance.MaxChars / 2) + new string('a', EditDistance.MaxChars / 2);
        Assert.Equal(EditDistance.MaxChars / 2, EditDistance.Between(a, b));
    }
}
