using Platform.Core.Contracts;

namespace Platform.Core.Tests.Contracts;

public sealed class ContractVersionTests
{
    [Theory]
    [InlineData("0.1.0", "0.1.1")]
    [InlineData("1.2.9", "1.2.10")]
    [InlineData("10.0.99", "10.0.100")]
    public void A_valid_version_gets_its_patch_bumped(string from, string next) =>
        Assert.Equal(next, ContractVersion.Next(from).ToString());

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("1")]
    [InlineData("1.2")]
    [InlineData("1.2.3.4")]
    [InlineData("v1.2.3")]
    [InlineData("01.2.3")]
    [InlineData("1.2.3-beta")]
    [InlineData("1.2.3+build")]
    [InlineData(" 1.2.3")]
    [InlineData("-1.2.3")]
    [InlineData("1.2.2147483647")]
    [InlineData("1.2.99999999999")]
    [InlineData("١.٢.٣")]
    public void An_absent_or_invalid_version_starts_again_at_0_1_0(string? from) =>
        Assert.Equal("0.1.0", ContractVersion.Next(from).ToString());
}
