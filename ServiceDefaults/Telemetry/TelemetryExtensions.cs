using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Platform.ServiceDefaults.Telemetry;

public static class TelemetryExtensions
{
    /// <summary>The platform's own sources and meters (ARCHITECTURE.md, "Telemetry names").</summary>
    public static readonly string[] PlatformSources = ["Platform.Gateway", "Platform.Jobs", "Platform.Events", "Platform.Analytics"];

    // The instrumentation packages are not served here, so we listen to the framework's own sources and meters.
    private static readonly string[] FrameworkSources = ["Microsoft.AspNetCore", "System.Net.Http", "Npgsql"];
    private static readonly string[] FrameworkMeters =
        ["Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel", "System.Net.Http", "System.Runtime", "Npgsql"];

    public static TBuilder ConfigureOpenTelemetry<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        var otlpEndpoint = builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"];
        var exportOtlp = !string.IsNullOrWhiteSpace(otlpEndpoint);
        var serviceName = builder.Configuration["OTEL_SERVICE_NAME"] is { Length: > 0 } name ? name : builder.Environment.ApplicationName;
        var resource = ResourceBuilder.CreateDefault().AddService(serviceName, serviceVersion: ServiceInfo.Version);

        builder.Logging.AddOpenTelemetry(logging =>
        {
            logging.SetResourceBuilder(resource);
            logging.IncludeFormattedMessage = true;
            logging.IncludeScopes = true;
            if (exportOtlp)
            {
                logging.AddOtlpExporter();
            }
        });

        // Spans and metrics have a cost on every request (an Activity per request and per outgoing call); with
        // nowhere to send them it buys nothing, so the providers exist only when an OTLP endpoint is configured.
        if (!exportOtlp)
        {
            return builder;
        }

        // OpenTelemetry.Extensions.Hosting is not served: the providers are built here and owned by the container,
        // which disposes (and so flushes) them when the host stops.
        var tracing = Sdk.CreateTracerProviderBuilder()
            .SetResourceBuilder(resource)
            .AddSource(PlatformSources)
            .AddSource(FrameworkSources)
            .AddProcessor(new HealthPathFilterProcessor())
            .AddOtlpExporter();
        var metrics = Sdk.CreateMeterProviderBuilder()
            .SetResourceBuilder(resource)
            .AddMeter(PlatformSources)
            .AddMeter(FrameworkMeters)
            .AddOtlpExporter();

        builder.Services.AddSingleton(tracing.Build()!);
        builder.Services.AddSingleton(metrics.Build()!);
        builder.Services.AddHostedService<TelemetryActivator>();
        return builder;
    }
}
