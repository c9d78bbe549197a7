using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Logging;

namespace Platform.Core.Data;

/// <summary>
/// Databases created before the migrations were generated list the hand-written migrations in __EFMigrationsHistory.
/// Their schema is exactly what each provider's baseline creates (the migration tests prove it from captured copies),
/// so the baseline is recorded as applied instead of run, and every later migration applies as usual.
/// </summary>
internal static class HandWrittenMigrations
{
    private static readonly string[] Ids =
    [
        "20261122000000_Users", "20261122010000_Interactions", "20261122020000_Jobs",
        "20261201000000_JobOutputs", "20261201100000_UserDisabled",
    ];

    public static async Task AdoptBaselineAsync(PlatformDbContext db, ILogger logger, CancellationToken cancellationToken)
    {
        var history = db.GetService<IHistoryRepository>();
        if (!await history.ExistsAsync(cancellationToken))
        {
            return;
        }
        var baseline = db.GetService<IMigrationsAssembly>().Migrations.Keys.Order(StringComparer.Ordinal).First();
        var applied = await AppliedAsync(history, cancellationToken);
        var handWritten = Ids.Where(applied.Contains).ToList();
        if (applied.Contains(baseline) || handWritten.Count == 0)
        {
            return;
        }
        if (handWritten.Count < Ids.Length)
        {
            throw new InvalidOperationException(
                $"The database stopped at the hand-written migration {handWritten[^1]}, before {Ids[^1]}; only a complete " +
                "hand-written schema upgrades in place. Start a platform version from before the generated migrations " +
                "once to finish it, or point the platform at a new database.");
        }

        logger.LogInformation("Recording baseline {Baseline} as applied: the schema is the one the hand-written migrations built", baseline);
        try
        {
            await db.Database.ExecuteSqlRawAsync(history.GetInsertScript(new HistoryRow(baseline, ProductInfo.GetVersion())), cancellationToken);
        }
        catch (DbException)
        {
            // Another Api process starting at the same moment may have recorded it first; anything else is a real failure.
            if (!(await AppliedAsync(history, cancellationToken)).Contains(baseline))
            {
                throw;
            }
        }
    }

    private static async Task<HashSet<string>> AppliedAsync(IHistoryRepository history, CancellationToken cancellationToken) =>
        (await history.GetAppliedMigrationsAsync(cancellationToken)).Select(row => row.MigrationId).ToHashSet(StringComparer.Ordinal);
}
