namespace Platform.AppHost;

/// <summary>The start sequence: infra, Api, wait for its /health, then Worker and Web.</summary>
internal static class Startup
{
    private static readonly TimeSpan HealthTimeout = TimeSpan.FromSeconds(120);

    public static async Task StartAsync(LauncherOptions options, ChildSet children, CancellationToken stop)
    {
        var catalog = ServiceCatalog.Load();
        var dataDir = Directory.CreateDirectory(Path.GetFullPath(options.DataDir)).FullName;
        var (adminKey, keySource) = AdminKeyStore.Resolve(dataDir);
        var requested = new Dictionary<string, int> { ["api"] = options.ApiPort, ["worker"] = options.WorkerPort, ["web"] = options.WebPort };
        if (options.Postgres)
        {
            requested["postgres"] = 0;
        }

        if (options.Redis)
        {
            requested["redis"] = 0;
        }

        var ports = PortFinder.Reserve(requested);
        ConsoleLog.NameWidth = options.Postgres ? "postgres".Length : "worker".Length;

        var rows = new List<StatusRow>();
        var sqlite = Path.Combine(dataDir, "platform.db");
        (string Connection, string Description) database = options.Db is null ? ($"Data Source={sqlite}", $"SQLite at {sqlite}") : (options.Db, "the --db connection string");
        if (options.Postgres)
        {
            var (child, connection) = await LocalPostgres.StartAsync(dataDir, ports["postgres"], children, stop);
            rows.Add(new StatusRow(child, $"localhost:{ports["postgres"]}", "running"));
            database = (connection, $"local PostgreSQL on localhost:{ports["postgres"]}, data in {Path.Combine(dataDir, "postgres")}");
        }

        (string? Connection, string Description) cache = (options.Cache, options.Cache is null ? "in-memory" : "the --cache connection string");
        if (options.Redis)
        {
            var (child, connection) = await LocalRedis.StartAsync(dataDir, ports["redis"], children, stop);
            rows.Add(new StatusRow(child, $"localhost:{ports["redis"]}", "running"));
            cache = (connection, $"local redis-server on localhost:{ports["redis"]}");
        }

        var settings = new PlatformSettings(dataDir, adminKey, database.Connection, cache.Connection, ports);
        var api = children.Start(ServiceSpecs.For("api", catalog, settings));
        await Readiness.HttpOkAsync("api", $"{settings.UrlOf("api")}/health", HealthTimeout, stop);
        var worker = children.Start(ServiceSpecs.For("worker", catalog, settings));
        var web = children.Start(ServiceSpecs.For("web", catalog, settings));
        await Task.WhenAll(
            Readiness.HttpOkAsync("worker", $"{settings.UrlOf("worker")}/health", HealthTimeout, stop),
            Readiness.HttpOkAsync("web", $"{settings.UrlOf("web")}/health", HealthTimeout, stop));

        rows.InsertRange(0, [.. new[] { api, worker, web }.Select(c => new StatusRow(c, settings.UrlOf(c.Name), "healthy"))]);
        StatusTable.Print(rows);
        ConsoleLog.Info($"database: {database.Description}");
        ConsoleLog.Info($"cache: {cache.Description}");
        ConsoleLog.Info($"admin sign-in: {settings.UrlOf("web")}/signin?key={Uri.EscapeDataString(adminKey)}");
        ConsoleLog.Info($"admin key stored in {keySource}");
        ConsoleLog.Info("ready");
    }
}
