using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Platform.Core.Data;
using Platform.Core.Users;

namespace Platform.Bench.Benchmarks;

/// <summary>
/// The database half of API-key authentication (hash, then find by hash with its user), i.e. what a request pays
/// on an in-process cache miss. Options: [keys=10000] [lookups=20000] [db="connection string"] (default: temp SQLite).
/// </summary>
public sealed class KeyLookupBenchmark : IBenchmark
{
    public string Description => "API key lookups by SHA-256 hash against the database (auth cache miss path)";

    public async Task RunAsync(string[] args)
    {
        var options = BenchOptions.Parse(args);
        var keyCount = options.Int("keys", 10_000);
        var lookups = options.Int("lookups", 20_000);
        var directory = Directory.CreateTempSubdirectory("bench-keys").FullName;
        var database = DatabaseSelector.Select(options.String("db"), directory);
        Console.WriteLine($"database: {database.ProviderName} ({database.Description}), keys: {keyCount}, lookups: {lookups}");

        var contextOptions = new DbContextOptionsBuilder<PlatformDbContext>();
        StorageExtensions.Configure(contextOptions, database);
        await using (var db = new PlatformDbContext(contextOptions.Options))
        {
            await db.Database.MigrateAsync();
            var user = new User { Name = "bench", Email = $"bench-{Guid.NewGuid():N}@example.com", Role = UserRole.Member };
            db.Users.Add(user);
            for (var i = 0; i < keyCount; i++)
            {
                var secret = $"bench-{i}";
                db.ApiKeys.Add(new ApiKey { UserId = user.Id, Name = "k", Prefix = ApiKeySecrets.VisiblePrefix(secret), Hash = ApiKeySecrets.Hash(secret), Scope = ApiKeyScope.Member });
            }
            await db.SaveChangesAsync();
        }

        var latencies = new double[lookups];
        var total = Stopwatch.StartNew();
        await using (var db = new PlatformDbContext(contextOptions.Options))
        {
            for (var i = 0; i < lookups; i++)
            {
                var started = Stopwatch.GetTimestamp();
                var hash = ApiKeySecrets.Hash($"bench-{i % keyCount}");
                var found = await db.ApiKeys.AsNoTracking().Where(k => k.Hash == hash).Select(k => new { k.Id, k.User!.Role }).FirstOrDefaultAsync();
                latencies[i] = Stopwatch.GetElapsedTime(started).TotalMicroseconds;
                if (found is null)
                {
                    throw new InvalidOperationException("a seeded key was not found");
                }
            }
        }
        total.Stop();
        Array.Sort(latencies);
        Console.WriteLine($"lookups/s: {lookups / total.Elapsed.TotalSeconds:0}");
        Console.WriteLine($"latency us: p50 {Stats.Percentile(latencies, 50):0.0}  p99 {Stats.Percentile(latencies, 99):0.0}  max {latencies[^1]:0.0}");
        Directory.Delete(directory, recursive: true);
    }
}
