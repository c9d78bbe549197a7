using System.Net;
using System.Net.Sockets;

namespace Platform.Core.Alerts;

/// <summary>
/// Keeps alert webhooks off the platform's own network: an admin-given URL must not become a way to reach the
/// database, Redis, a cloud metadata endpoint or another internal service. The check runs on the address actually
/// connected to, after DNS, so a name that resolves (or re-resolves) to a private address is refused too.
/// </summary>
public static class WebhookAddressGuard
{
    /// <summary>A connect callback for <see cref="SocketsHttpHandler"/> that refuses non-public addresses.</summary>
    public static async ValueTask<Stream> ConnectPublicOnlyAsync(SocketsHttpConnectionContext context, CancellationToken ct)
    {
        var endPoint = context.DnsEndPoint;
        var addresses = IPAddress.TryParse(endPoint.Host, out var literal)
            ? [literal]
            : await Dns.GetHostAddressesAsync(endPoint.Host, ct);
        var allowed = addresses.Where(IsPublic).ToArray();
        if (allowed.Length == 0)
        {
            throw new HttpRequestException(
                $"The webhook host {endPoint.Host} resolves only to private, loopback or link-local addresses; " +
                $"set {AlertOptions.Section}:AllowPrivateNetworkWebhooks to allow them.");
        }

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(allowed, endPoint.Port, ct);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>Whether an address is on the public internet (not loopback, private, link-local, CGNAT, multicast or reserved).</summary>
    public static bool IsPublic(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }
        if (IPAddress.IsLoopback(address) || address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any) ||
            address.Equals(IPAddress.IPv6None) || address.Equals(IPAddress.Broadcast))
        {
            return false;
        }
        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            var first = address.GetAddressBytes()[0];
            // fc00::/7 unique local; link-local, site-local and multicast have their own flags.
            return !(address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6Multicast || (first & 0xFE) == 0xFC);
        }
        var b = address.GetAddressBytes();
        return b[0] switch
        {
            0 or 10 or 127 => false,
            100 => b[1] is < 64 or > 127,          // 100.64.0.0/10, carrier-grade NAT
            169 => b[1] != 254,                    // 169.254.0.0/16, link-local and cloud metadata
            172 => b[1] is < 16 or > 31,           // 172.16.0.0/12
            192 => !(b[1] == 168 || (b[1] == 0 && b[2] is 0 or 2)), // 192.168.0.0/16, 192.0.0.0/24, 192.0.2.0/24
            198 => b[1] is not (18 or 19),         // 198.18.0.0/15, benchmarking
            >= 224 => false,                       // multicast and reserved
            _ => true,
        };
    }
}
