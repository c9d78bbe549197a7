using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Platform.AppHost;

/// <summary>
/// Stops the whole app when a service exits before it ever became healthy (a bad connection string, a port in use, a
/// database that refuses us): one clear error instead of the others waiting for it forever.
/// </summary>
internal sealed class ServiceExitWatcher(
    ResourceNotificationService notifications, IHostApplicationLifetime lifetime, ILogger<ServiceExitWatcher> logger, string[] services)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var healthy = new HashSet<string>();
        try
        {
            await foreach (var update in notifications.WatchAsync(stoppingToken))
            {
                var name = update.Resource.Name;
                if (!services.Contains(name))
                {
                    continue;
                }

                if (update.Snapshot.HealthStatus == Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Healthy)
                {
                    healthy.Add(name);
                }

                var state = update.Snapshot.State?.Text;
                if (!healthy.Contains(name) && state is "Exited" or "Finished" or "FailedToStart")
                {
                    logger.LogError(
                        "{Service} stopped ({State}, exit code {ExitCode}) before it became healthy; its log in the dashboard says why. Stopping the AppHost.",
                        name, state, update.Snapshot.ExitCode);
                    Environment.ExitCode = 1;
                    lifetime.StopApplication();
                    return;
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
