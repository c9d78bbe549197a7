using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;

namespace Platform.AppHost;

/// <summary>
/// Infra=local: redis-server and PostgreSQL from this machine's binaries, run by DCP as executable resources (no
/// container runtime needed), each with a connection string the services reference like any Aspire resource.
/// </summary>
internal static class LocalInfra
{
    private const string PostgresRoot = "/usr/lib/postgresql";

    /// <summary>What is missing for Infra=local, or null when both servers can run here.</summary>
    public static string? MissingBinaries()
    {
        var missing = new List<string>();
        if (PostgresBin() is null)
        {
            missing.Add($"PostgreSQL's server programs in {PostgresRoot}/<version>/bin");
        }

        if (FindOnPath("redis-server") is null)
        {
            missing.Add("redis-server on the PATH");
        }

        return missing.Count == 0 ? null : string.Join(" and ", missing);
    }

    public static IResourceBuilder<LocalServerResource> AddLocalRedis(this IDistributedApplicationBuilder builder, string name)
    {
        var port = FreePort();
        var redis = new LocalServerResource(name, FindOnPath("redis-server")!, builder.AppHostDirectory,
            endpoint => ReferenceExpression.Create($"{endpoint.Property(EndpointProperty.Host)}:{endpoint.Property(EndpointProperty.Port)}"));
        builder.Services.AddHealthChecks().AddRedis($"127.0.0.1:{Text(port)},abortConnect=false", name: HealthCheckName(name));
        // A cache: nothing is persisted, so stopping loses nothing the platform needs.
        return builder.AddResource(redis)
            .WithArgs("--port", Text(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no")
            .WithEndpoint(name: LocalServerResource.EndpointName, port: port, scheme: "tcp", isProxied: false)
            .WithHealthCheck(HealthCheckName(name));
    }

    public static IResourceBuilder<LocalServerResource> AddLocalPostgres(this IDistributedApplicationBuilder builder, string database, string dataDir)
    {
        var bin = PostgresBin()!;
        var port = FreePort();
        Directory.CreateDirectory(dataDir);

        // initdb once (it refuses root, hence the postgres user when we are root), then make sure the database exists:
        // a one-shot resource the server waits for. Single-user mode needs no socket and no running server.
        var asPostgres = Environment.IsPrivilegedProcess ? $"chown postgres:postgres '{dataDir}' && setpriv --reuid=postgres --regid=postgres --init-groups " : "";
        var runAs = Environment.IsPrivilegedProcess ? "setpriv --reuid=postgres --regid=postgres --init-groups " : "";
        var init = builder.AddExecutable($"{database}-init", "bash", builder.AppHostDirectory, "-c",
            "set -e; " +
            $"if [ ! -f '{dataDir}/PG_VERSION' ]; then {asPostgres}{bin}/initdb -D '{dataDir}' -U postgres --auth=trust -E UTF8 --no-locale; fi; " +
            $"echo 'CREATE DATABASE {database};' | {runAs}{bin}/postgres --single -D '{dataDir}' postgres 2>&1 | grep -v 'already exists' || true; " +
            "echo ready");

        var postgres = new LocalServerResource(database, Environment.IsPrivilegedProcess ? "setpriv" : $"{bin}/postgres", builder.AppHostDirectory,
            endpoint => ReferenceExpression.Create(
                $"Host={endpoint.Property(EndpointProperty.Host)};Port={endpoint.Property(EndpointProperty.Port)};Username=postgres;Database={database}"));
        builder.Services.AddHealthChecks().AddNpgSql($"Host=127.0.0.1;Port={Text(port)};Username=postgres;Database={database}", name: HealthCheckName(database));

        // setpriv execs postgres in place (runuser would stay as a parent), so DCP's stop signal reaches the postmaster.
        string[] server = [$"{bin}/postgres", "-D", dataDir, "-p", Text(port), "-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories="];
        return builder.AddResource(postgres)
            .WithArgs(Environment.IsPrivilegedProcess ? ["--reuid=postgres", "--regid=postgres", "--init-groups", .. server] : server[1..])
            .WithEndpoint(name: LocalServerResource.EndpointName, port: port, scheme: "tcp", isProxied: false)
            .WaitForCompletion(init)
            .WithHealthCheck(HealthCheckName(database));
    }

    private static string HealthCheckName(string resource) => $"{resource}-ready";

    private static string? PostgresBin() =>
        !Directory.Exists(PostgresRoot) ? null
            : Directory.GetDirectories(PostgresRoot)
                .Where(version => File.Exists(Path.Combine(version, "bin", "initdb")) && File.Exists(Path.Combine(version, "bin", "postgres")))
                .OrderByDescending(version => int.TryParse(Path.GetFileName(version), CultureInfo.InvariantCulture, out var major) ? major : 0)
                .Select(version => Path.Combine(version, "bin"))
                .FirstOrDefault();

    private static string? FindOnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Append("/usr/bin").Append("/usr/sbin")
            .Select(dir => Path.Combine(dir, program))
            .FirstOrDefault(File.Exists);

    /// <summary>A port the OS says is free now; each AppHost gets its own, so several can run side by side.</summary>
    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string Text(int port) => port.ToString(CultureInfo.InvariantCulture);
}
