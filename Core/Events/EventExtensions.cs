using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace Platform.Core.Events;

public static class EventExtensions
{
    /// <summary>Product event ingestion: the buffer, its batch writer and spill file.</summary>
    public static IHostApplicationBuilder AddProductEvents(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<EventOptions>().BindConfiguration(EventOptions.Section)
            .Validate(o => o.MaxRequestBytes > 0, "Events:MaxRequestBytes must be positive.")
            .ValidateOnStart();
        builder.Services.AddOptions<EventBufferOptions>().BindConfiguration(EventBufferOptions.Section)
            .Validate(o => o.Capacity >= ProductEventLimits.MaxBatch && o.BatchSize > 0 && o.EnqueueWaitMilliseconds >= 0,
                $"Events:Buffer:Capacity must be at least {ProductEventLimits.MaxBatch} (one batch) and BatchSize positive.")
            .Validate(o => o.WritersValid, $"Events:Buffer:Writers must be between 0 (the default) and {Buffering.WriteBufferOptions.MaxWriters}.")
            .ValidateOnStart();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<EventMetrics>();
        builder.Services.AddSingleton<EventSpill>();
        builder.Services.AddSingleton<EventBuffer>();
        builder.Services.AddSingleton<EventStore>();
        builder.Services.AddHostedService<EventWriter>();
        return builder;
    }
}
