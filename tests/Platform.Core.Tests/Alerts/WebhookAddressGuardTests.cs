using System.Net;
using Platform.Core.Alerts;

namespace Platform.Core.Tests.Alerts;

public sealed class WebhookAddressGuardTests
{
    [Theory]
    [InlineData("127.0.0.1"), InlineData("127.8.9.10"), InlineData("::1"), InlineData("0.0.0.0"), InlineData("::")]
    [InlineData("10.0.0.5"), InlineData("172.16.0.1"), InlineData("172.31.255.255"), InlineData("192.168.1.1")]
    [InlineData("169.254.169.254"), InlineData("100.64.0.1"), InlineData("100.127.255.255"), InlineData("224.0.0.1")]
    [InlineData("255.255.255.255"), InlineData("198.18.0.1"), InlineData("192.0.2.7")]
    [InlineData("fe80::1"), InlineData("fd00::1"), InlineData("fc12::9"), InlineData("ff02::1"), InlineData("::ffff:10.1.2.3"), InlineData("::ffff:127.0.0.1")]
    public void Private_loopback_link_local_and_reserved_addresses_are_not_public(string address) =>
        Assert.False(WebhookAddressGuard.IsPublic(IPAddress.Parse(address)));

    [Theory]
    [InlineData("8.8.8.8"), InlineData("1.1.1.1"), InlineData("172.15.0.1"), InlineData("172.32.0.1"), InlineData("100.128.0.1")]
    [InlineData("169.253.1.1"), InlineData("192.169.0.1"), InlineData("2606:4700::1111"), InlineData("::ffff:8.8.4.4")]
    public void Internet_addresses_are_public(string address) =>
        Assert.True(WebhookAddressGuard.IsPublic(IPAddress.Parse(address)));
}
