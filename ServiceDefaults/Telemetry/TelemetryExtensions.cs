using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Platform.ServiceDefaults.Telemetry;

public static class TelemetryExtensions
{
    /// <summary>The platform's own sources and meters (ARCHITECTURE.md, "Telemetry names").</summary>
    public const string PlatformNames = "Platform.*";

    /// <summary>Microsoft.Extensions.AI's UseOpenTelemetry source and meter (GenAI semantic conventions).</summary>
    public const string ExtensionsAiName = "Experimental.Microsoft.Extensions.AI";

    /// <summary>Npgsql publishes its spans and metrics under this name (what Npgsql.OpenTelemetry's AddNpgsql adds).</summary>
    private const string NpgsqlName = "Npgsql";

    /// <summary>Polly's resilience events and durations (standard HTTP handler, provider pipelines).</summary>
    private const string PollyMeter = "Polly";

    /// <summary>True when an OTLP endpoint is configured (the AppHost sets one for every service it starts).</summary>
    public static bool IsExporting(IConfiguration configuration) =>
        !string.IsNullOrWhiteSpace(configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);

    public static TBuilder ConfigureOpenTelemetry<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        // Spans and metrics have a cost on every request (an Activity per request and per outgoing call); with nowhere
        // to send them it buys nothing, so telemetry is wired only when an OTLP endpoint is configured, as the AppHost
        // does for every service it starts.
        if (!IsExporting(builder.Configuration))
        {
            return builder;
        }

        builder.Logging.AddOpenTelemetry(logging =>
        {
            logging.IncludeFormattedMessage = true;
            logging.IncludeScopes = true;
        });

        builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddAttributes([new("service.version", ServiceInfo.Version)]))
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddMeter(PlatformNames, ExtensionsAiName, NpgsqlName, PollyMeter))
            .WithTracing(tracing => tracing
                .AddSource(PlatformNames, ExtensionsAiName, NpgsqlName)
                .AddAspNetCoreInstrumentation(options =>
                    options.Filter = context => !Microsoft.Extensions.Hosting.Extensions.IsHealthPath(context.Request.Path))
                .AddHttpClientInstrumentation())
            .UseOtlpExporter();
        return builder;
    }
}
