using Microsoft.Extensions.Options;
using Platform.Core.Data;

namespace Platform.Worker.Processing;

/// <summary>
/// Polls every registered work source: a new DI scope per unit of work, a poll delay that adapts
/// (short while busy, doubling up to IdleDelay while idle), and a stop that lets the current unit finish.
/// </summary>
internal sealed class WorkerLoop(
    IServiceProvider services,
    IEnumerable<IWorkSource> sources,
    IOptions<WorkerOptions> options,
    ILogger<WorkerLoop> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await DatabaseMigrator.WaitForSchemaAsync(services, stoppingToken);
        var workSources = sources.ToList();
        logger.LogInformation("Worker ready with {Count} work source(s): {Sources}",
            workSources.Count, string.Join(", ", workSources.Select(s => s.Name)));

        var delay = options.Value.BusyDelay;
        while (!stoppingToken.IsCancellationRequested)
        {
            var didWork = false;
            foreach (var source in workSources)
            {
                didWork |= await RunUnitAsync(source, stoppingToken);
            }
            delay = didWork ? options.Value.BusyDelay : Next(delay, options.Value.IdleDelay);
            try
            {
                await Task.Delay(delay, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
        logger.LogInformation("Worker stopped polling");
    }

    private async Task<bool> RunUnitAsync(IWorkSource source, CancellationToken stoppingToken)
    {
        await using var scope = services.CreateAsyncScope();
        try
        {
            return await source.RunOnceAsync(scope.ServiceProvider, stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            return false;
        }
        catch (Exception ex)
        {
            // One failing unit must not stop the loop; the source decides about retries.
            logger.LogError(ex, "Work source {Source} failed", source.Name);
            return false;
        }
    }

    private static TimeSpan Next(TimeSpan current, TimeSpan idle) =>
        TimeSpan.FromTicks(Math.Min(Math.Max(current.Ticks * 2, TimeSpan.TicksPerMillisecond), idle.Ticks));
}
