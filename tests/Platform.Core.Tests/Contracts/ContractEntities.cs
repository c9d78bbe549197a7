using Microsoft.EntityFrameworkCore;
using Platform.Core.Contracts;
using Platform.Core.Data;

namespace Platform.Core.Tests.Contracts;

/// <summary>A contract version with every property set, for the storage round trip.</summary>
internal static class ContractEntities
{
    public static async Task AssertRoundTripAsync(DatabaseInfo database, DateTime created, CancellationToken ct)
    {
        var contract = new UiContract
        {
            OwnerUserId = Guid.NewGuid(), UserId = "u-1", Version = "1.2.10", VersionMajor = 1, VersionMinor = 2, VersionPatch = 10,
            Json = ContractFixtures.Checkout().ToJsonString(), MetaJson = """{"optimizedBy":"heuristic"}""", OptimizedBy = "heuristic",
            CreatedAt = created, UpdatedAt = created.AddSeconds(1),
        };
        await using (var db = Storage.TestDatabases.Context(database))
        {
            db.Add(contract);
            await db.SaveChangesAsync(ct);
        }
        await using (var db = Storage.TestDatabases.Context(database))
        {
            Assert.Equivalent(contract, await db.Set<UiContract>().AsNoTracking().SingleAsync(ct), strict: true);
        }
    }
}
