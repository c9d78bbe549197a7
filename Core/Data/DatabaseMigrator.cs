using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Platform.Core.Data;

/// <summary>The Api owns the schema; the Worker waits for it instead of racing it.</summary>
public static class DatabaseMigrator
{
    public static async Task MigrateAsync(IServiceProvider services, CancellationToken cancellationToken = default)
    {
        try
        {
            await MigrateCoreAsync(services, cancellationToken);
        }
        catch (DbException ex)
        {
            // What a person starting the platform needs first: which setting points where, and what the server said.
            var database = services.GetRequiredService<DatabaseInfo>();
            throw new InvalidOperationException(
                $"The database of {DatabaseSelector.ConfigurationKey} ({database.ProviderName} at {database.Description}) cannot be used: {ex.Message}", ex);
        }
    }

    private static async Task MigrateCoreAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var logger = scope.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DatabaseMigrator));
        if (db.Database.IsSqlite())
        {
            // WAL lets readers and one writer work at once; it is stored in the file, so once is enough.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode = WAL;", cancellationToken);
        }
        await HandWrittenMigrations.AdoptBaselineAsync(db, logger, cancellationToken);
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        if (pending.Count > 0)
        {
            logger.LogInformation("Applying {Count} migration(s): {Migrations}", pending.Count, string.Join(", ", pending));
        }
        // On both providers EF Core takes a database lock here, so several Api processes may start together.
        await db.Database.MigrateAsync(cancellationToken);
    }

    public static async Task WaitForSchemaAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DatabaseMigrator));
        var delay = TimeSpan.FromMilliseconds(250);
        while (true)
        {
            try
            {
                await using var scope = services.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
                var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
                if (pending.Count == 0)
                {
                    return;
                }
                logger.LogInformation("Waiting for the Api to apply {Count} migration(s)", pending.Count);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning("Database not reachable yet: {Message}", ex.Message);
            }
            await Task.Delay(delay, cancellationToken);
            delay = TimeSpan.FromMilliseconds(Math.Min(delay.TotalMilliseconds * 2, 5000));
        }
    }
}
