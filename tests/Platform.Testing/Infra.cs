using System.Diagnostics.CodeAnalysis;
using System.Net;
using System.Net.Sockets;

namespace Platform.Testing;

/// <summary>Shared rules for tests that need real infrastructure (PostgreSQL, Redis, Chromium).</summary>
public static class Infra
{
    public const string RequireVariable = "PLATFORM_REQUIRE_INFRA";

    /// <summary>CI sets PLATFORM_REQUIRE_INFRA=1 so a missing dependency fails instead of quietly skipping.</summary>
    public static bool Required => Environment.GetEnvironmentVariable(RequireVariable) == "1";

    /// <summary>Skips the current test (xunit v3 dynamic skip), or fails it when infrastructure is required.</summary>
    [DoesNotReturn]
    public static void SkipOrFail(string reason)
    {
        if (Required)
        {
            throw new InfraRequiredException($"{reason}. {RequireVariable}=1, so this test fails instead of skipping.");
        }

        throw new InfraSkipException(reason);
    }

    /// <summary>A TCP port free on 127.0.0.1 right now; another process may still take it before we bind it.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
