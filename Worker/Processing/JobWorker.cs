using Platform.Core.Data;
using Platform.Core.Jobs.Processing;

namespace Platform.Worker.Processing;

/// <summary>Hosts the job claim loop and, on PostgreSQL, the LISTEN that wakes it, once the Api has created the schema.</summary>
internal sealed class JobWorker(IServiceProvider services, JobProcessor processor, JobNotificationListener notifications) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await DatabaseMigrator.WaitForSchemaAsync(services, stoppingToken);
        }
        catch (OperationCanceledException)
        {
            return;
        }
        var listening = notifications.RunAsync(stoppingToken);
        await processor.RunAsync(stoppingToken);
        await listening;
    }
}
