using Microsoft.Extensions.Logging;
using Npgsql;
using Platform.Core.Data;

namespace Platform.Core.Jobs.Processing;

/// <summary>
/// On PostgreSQL, LISTENs on the jobs channel (a trigger NOTIFYs on every insert) and wakes the claim loop, so an idle
/// worker starts a new job at once instead of at its next poll. Reconnects after a failure; polling covers the gap.
/// On SQLite there is nothing to listen to and this returns at once.
/// </summary>
public sealed class JobNotificationListener(DatabaseInfo database, JobSignal signal, ILogger<JobNotificationListener> logger)
{
    public async Task RunAsync(CancellationToken stoppingToken)
    {
        if (database.Provider != DatabaseProvider.PostgreSql)
        {
            return;
        }
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await ListenAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogWarning("Job notifications interrupted, polling until reconnected: {Message}", e.Message);
                // A stop during this pause is a normal end, not a failure of the listener.
                await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    private async Task ListenAsync(CancellationToken stoppingToken)
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync(stoppingToken);
        connection.Notification += (_, _) => signal.Set();
        await using (var listen = new NpgsqlCommand($"LISTEN {JobStore.NotificationChannel}", connection))
        {
            await listen.ExecuteNonQueryAsync(stoppingToken);
        }
        // A job enqueued while we were not listening would otherwise wait for the next poll.
        signal.Set();
        while (true)
        {
            await connection.WaitAsync(stoppingToken);
        }
    }
}
