using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Platform.Core.Hosting;

namespace Platform.Core.Data;

public static class StorageExtensions
{
    /// <summary>Registers the DbContext on SQLite or PostgreSQL per ConnectionStrings:platformdb, and its health check.</summary>
    public static IHostApplicationBuilder AddPlatformStorage(this IHostApplicationBuilder builder)
    {
        var database = DatabaseSelector.Select(
            builder.Configuration.GetConnectionString(DatabaseSelector.ConnectionStringName),
            PlatformPaths.DataDirectory(builder.Configuration));
        builder.Services.AddSingleton(database);
        builder.Services.AddDbContextPool<PlatformDbContext>(options => Configure(options, database));
        if (database.Provider == DatabaseProvider.PostgreSql)
        {
            // Aspire's enrichment brings Npgsql's tracing and metrics when they are exported. Its retrying execution
            // strategy stays off: the job claim runs in explicit transactions, which that strategy refuses; the
            // "database" check below covers health.
            builder.EnrichNpgsqlDbContext<PlatformDbContext>(settings =>
            {
                settings.DisableRetry = true;
                settings.DisableHealthChecks = true;
                settings.DisableTracing = !TelemetryExport.IsEnabled(builder.Configuration);
                settings.DisableMetrics = !TelemetryExport.IsEnabled(builder.Configuration);
            });
        }
        builder.Services.AddHealthChecks().AddDbContextCheck<PlatformDbContext>("database");
        return builder;
    }

    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder options, DatabaseInfo database)
    {
        if (database.Provider == DatabaseProvider.PostgreSql)
        {
            options.UseNpgsql(database.ConnectionString, npgsql => npgsql.MigrationsAssembly(MigrationsAssemblies.PostgreSql));
        }
        else
        {
            options.UseSqlite(database.ConnectionString, sqlite => sqlite.MigrationsAssembly(MigrationsAssemblies.Sqlite))
                .AddInterceptors(new SqlitePragmas());
        }
        return options;
    }
}
