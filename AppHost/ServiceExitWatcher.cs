using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Platform.AppHost;

/// <summary>
/// Stops the whole app when a service exits before it ever became healthy (a bad connection string, a port in use, a
/// database that refuses us): one clear error instead of a dashboard where the others wait for it forever.
/// </summary>
internal sealed class ServiceExitWatcher(
    ResourceNotificationService notifications,
    ResourceLoggerService logs,
    IHostApplicationLifetime lifetime,
    ILogger<ServiceExitWatcher> logger,
    string[] services)
{
    private const int TailLines = 8;

    // DCP streams a process's output to us a moment after the process ended.
    private static readonly TimeSpan LogGrace = TimeSpan.FromSeconds(5);
    private readonly HashSet<string> _followed = [];
    private readonly Dictionary<string, ConsoleTail> _tails = services.ToDictionary(s => s, _ => new ConsoleTail(TailLines));

    private static readonly string[] EndStates = ["Exited", "Finished", "FailedToStart"];

    /// <summary>Set when a service ended before it was healthy: the AppHost then exits with code 1.</summary>
    public static bool Failed { get; private set; }

    /// <summary>Runs until the app stops; started before the resources are, so it sees their first states.</summary>
    public async Task RunAsync()
    {
        var stopping = lifetime.ApplicationStopping;
        var healthy = new HashSet<string>();
        try
        {
            await foreach (var update in notifications.WatchAsync(stopping))
            {
                var name = update.Resource.Name;
                if (!services.Contains(name))
                {
                    continue;
                }

                if (_followed.Add(name))
                {
                    _ = _tails[name].FollowAsync(logs.WatchAsync(update.Resource), stopping);
                }

                if (update.Snapshot.HealthStatus == HealthStatus.Healthy)
                {
                    healthy.Add(name);
                }

                var state = update.Snapshot.State?.Text;
                if (!healthy.Contains(name) && EndStates.Contains(state))
                {
                    await _tails[name].WaitForLinesAsync(LogGrace, stopping);
                    logger.LogError(
                        "{Service} stopped ({State}, exit code {ExitCode}) before it became healthy. Stopping the AppHost. What it wrote:\n{Lines}",
                        name, state, update.Snapshot.ExitCode, _tails[name].Describe());
                    Failed = true;
                    lifetime.StopApplication();
                    return;
                }
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
        }
    }
}
