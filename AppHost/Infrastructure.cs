using Microsoft.Extensions.Configuration;

namespace Platform.AppHost;

/// <summary>The database and cache the services get, and in which infra mode they were chosen.</summary>
internal sealed record Infrastructure(
    InfraMode Mode,
    IResourceBuilder<IResourceWithConnectionString>? Database,
    IResourceBuilder<IResourceWithConnectionString>? Cache,
    string DatabaseDescription,
    string CacheDescription,
    bool DatabaseIsExternal,
    bool CacheIsExternal)
{
    public const string DatabaseName = "platformdb";
    public const string CacheName = "cache";

    public static Infrastructure Add(IDistributedApplicationBuilder builder, AppHostOptions options)
    {
        var mode = Resolve(builder, options.RequestedInfra);
        Directory.CreateDirectory(options.DataDir);
        var sqlite = Path.Combine(options.DataDir, "platform.db");

        // Connection strings given in configuration win over whatever the mode would start (in publish mode they
        // become connection-string inputs of the deployment instead of containers).
        var givenDatabase = Configured(builder, DatabaseName);
        var givenCache = Configured(builder, CacheName);
        var (database, databaseText) = givenDatabase is not null
            ? (givenDatabase, $"ConnectionStrings:{DatabaseName} from configuration")
            : mode switch
            {
                InfraMode.Containers => (Convert(builder.AddPostgres("postgres").WithDataVolume().AddDatabase(DatabaseName)), "PostgreSQL container"),
                InfraMode.Local => (Convert(builder.AddLocalPostgres(DatabaseName, Path.Combine(options.DataDir, "postgres"))),
                    $"local PostgreSQL, data in {Path.Combine(options.DataDir, "postgres")}"),
                _ => (null, $"SQLite at {sqlite}"),
            };
        var (cache, cacheText) = givenCache is not null
            ? (givenCache, $"ConnectionStrings:{CacheName} from configuration")
            : mode switch
            {
                InfraMode.Containers => (Convert(builder.AddRedis(CacheName)), "Redis container"),
                InfraMode.Local => (Convert(builder.AddLocalRedis(CacheName)), "local redis-server"),
                _ => (null, "in-memory"),
            };

        return new Infrastructure(mode, database, cache, databaseText, cacheText, givenDatabase is not null, givenCache is not null);
    }

    private static IResourceBuilder<IResourceWithConnectionString>? Configured(IDistributedApplicationBuilder builder, string name) =>
        string.IsNullOrWhiteSpace(builder.Configuration.GetConnectionString(name)) ? null : Convert(builder.AddConnectionString(name));

    private static InfraMode Resolve(IDistributedApplicationBuilder builder, InfraMode requested)
    {
        // The manifest for azd always describes containers: that is what gets deployed.
        if (builder.ExecutionContext.IsPublishMode)
        {
            return InfraMode.Containers;
        }

        if (requested == InfraMode.Local && LocalInfra.MissingBinaries() is { } missing)
        {
            throw new InfraUnavailableException($"Infra=local needs {missing}; install them (Debian: apt-get install postgresql redis-server) or use Infra=embedded.");
        }

        return requested switch
        {
            InfraMode.Auto when ContainerRuntime.IsAvailable() => InfraMode.Containers,
            InfraMode.Auto when LocalInfra.MissingBinaries() is null => InfraMode.Local,
            InfraMode.Auto => InfraMode.Embedded,
            _ => requested,
        };
    }

    // Gives the switch arms one type: each arm's builder is of its own resource type.
    private static IResourceBuilder<IResourceWithConnectionString> Convert<T>(IResourceBuilder<T> resource)
        where T : class, IResourceWithConnectionString => resource;
}

/// <summary>The requested infra mode cannot run on this machine.</summary>
internal sealed class InfraUnavailableException(string message) : Exception(message)
{
}
