using Microsoft.Extensions.Configuration;

namespace Platform.Core.Hosting;

public static class TelemetryExport
{
    /// <summary>
    /// True when an OTLP endpoint is configured (the AppHost sets one for every service it starts). Core's clients
    /// (Npgsql, Redis) leave their spans and metrics off otherwise: nobody would receive them, and each costs on every command.
    /// </summary>
    public static bool IsEnabled(IConfiguration configuration) =>
        !string.IsNullOrWhiteSpace(configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);
}
