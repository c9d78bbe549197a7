using Microsoft.EntityFrameworkCore;
using Platform.Core.Data;
using Platform.Core.Interactions.Rollups;
using Platform.Core.Tests.Jobs;
using Platform.Core.Users;

namespace Platform.Core.Tests.Storage;

/// <summary>Writes one of every entity with every property set, reads them back and compares: a migrated schema holds them all.</summary>
internal static class EntityRoundTrip
{
    public static async Task AssertAsync(DatabaseInfo database)
    {
        var ct = TestContext.Current.CancellationToken;
        var created = new DateTime(2026, 11, 22, 10, 30, 15, 123, DateTimeKind.Utc);
        var user = new User { Name = "Ann", Email = "ann@example.com", Role = UserRole.Admin, CreatedAt = created, UpdatedAt = created, DisabledAt = created.AddDays(1) };
        var key = new ApiKey { UserId = user.Id, Name = "ci", Prefix = "plk_abcdefgh", Hash = new string('a', 64), Scope = ApiKeyScope.Ingest, CreatedAt = created, LastUsedAt = created.AddMinutes(5) };
        var interaction = TestEntities.FullInteraction(user.Id, created);
        var job = TestJobs.FullJob(user.Id, created);
        var productEvent = new Platform.Core.Events.ProductEvent
        {
            UserId = "u-1", SessionId = "s-1", EventType = "click", ComponentId = "buy", Page = "/cart", PageUrl = "https://shop.example.com/cart",
            TargetUrl = "https://shop.example.com/pay", Query = "shoes", Message = "Card declined", DurationMs = 12.5, X = 10.25, Y = 20.5,
            ExtraJson = """{"plan":"pro"}""", Timestamp = created.AddSeconds(-3), ReceivedAt = created, OwnerUserId = user.Id,
        };
        await using (var db = TestDatabases.Context(database))
        {
            // Guards the round trip against a new entity that nobody added here.
            Assert.Equal(["AlertFiring", "AlertRule", "ApiKey", "Interaction", "InteractionDailyLatencyBucket", "InteractionLatencyBucket", "InteractionRollup", "Job", "ProductEvent", "UiContract", "User"], db.Model.GetEntityTypes().Select(t => t.ClrType.Name).Order());
            db.Users.Add(user);
            db.ApiKeys.Add(key);
            db.Interactions.Add(interaction);
            db.Jobs.Add(job);
            db.ProductEvents.Add(productEvent);
            await db.SaveChangesAsync(ct);
        }

        await using (var db = TestDatabases.Context(database))
        {
            var loadedUser = await db.Users.SingleAsync(ct);
            Assert.Equivalent(new { user.Id, user.Name, user.Email, user.Role, CreatedAt = created, UpdatedAt = created, DisabledAt = (DateTime?)created.AddDays(1) }, loadedUser);
            Assert.Equal(DateTimeKind.Utc, loadedUser.CreatedAt.Kind);
            var loadedKey = await db.ApiKeys.SingleAsync(ct);
            Assert.Equivalent(new { key.Id, key.UserId, key.Name, key.Prefix, key.Hash, key.Scope, CreatedAt = created, LastUsedAt = (DateTime?)created.AddMinutes(5) }, loadedKey);
            var stored = await db.Database.SqlQueryRaw<string>("SELECT scope AS \"Value\" FROM api_keys").SingleAsync(ct);
            Assert.Equal("ingest", stored);

            var loadedInteraction = await db.Interactions.AsNoTracking().SingleAsync(ct);
            Assert.Equivalent(interaction, loadedInteraction, strict: true);
            // The rollups are the triggers' to write: the one interaction is summed into one row and one latency bucket.
            var rollup = await db.Set<InteractionRollup>().AsNoTracking().SingleAsync(ct);
            Assert.Equivalent(new { Count = 1L, OwnerUserId = user.Id, interaction.Type, CostUsd = interaction.CostUsd!.Value }, rollup);
            var bucket = await db.Set<InteractionLatencyBucket>().AsNoTracking().SingleAsync(ct);
            Assert.Equivalent(new { Count = 1L, Bucket = LatencyBuckets.Of(interaction.LatencyMs!.Value), SumMs = interaction.LatencyMs!.Value }, bucket);
            var daily = await db.Set<InteractionDailyLatencyBucket>().AsNoTracking().SingleAsync(ct);
            Assert.Equivalent(new { Count = 1L, OwnerUserId = user.Id, Bucket = LatencyBuckets.Of(interaction.LatencyMs!.Value), SumMs = interaction.LatencyMs!.Value }, daily);
            Assert.Equivalent(job, await db.Jobs.AsNoTracking().SingleAsync(ct), strict: true);
            Assert.Equivalent(productEvent, await db.ProductEvents.AsNoTracking().SingleAsync(ct), strict: true);
            var priority = await db.Database.SqlQueryRaw<string>("SELECT priority AS \"Value\" FROM jobs").SingleAsync(ct);
            Assert.Equal("low", priority);

            db.Users.Remove(loadedUser);
            await db.SaveChangesAsync(ct);
            Assert.False(await db.ApiKeys.AnyAsync(ct), "deleting a user deletes their keys");
        }

        await Alerts.AlertEntities.AssertRoundTripAsync(database, created, ct);
        await Contracts.ContractEntities.AssertRoundTripAsync(database, created, ct);
    }
}
