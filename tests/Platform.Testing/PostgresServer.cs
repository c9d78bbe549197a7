using System.Net.Sockets;
using System.Text.RegularExpressions;
using Npgsql;
using Xunit;

namespace Platform.Testing;

/// <summary>
/// A throwaway PostgreSQL server from the machine's binaries: initdb into a temp folder, started on a
/// free port, removed on dispose. Use as an assembly fixture and give each test class its own database.
/// </summary>
public sealed partial class PostgresServer : IAsyncLifetime
{
    public const string MissingBinaries = "PostgreSQL binaries not found (apt-get install postgresql)";

    private const string SystemUser = "postgres";
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);

    private TempDirectory? _root;
    private ServerProcess? _server;
    private Exception? _startError;
    private (string Bin, string Data, string Sockets, string Log, string? RunAs)? _start;

    /// <summary>Where initdb and postgres live; null searches /usr/lib/postgresql/*/bin, then PATH.</summary>
    public string? BinDirectory { get; init; }

    /// <summary>False between <see cref="Stop"/> and <see cref="StartAgainAsync"/>.</summary>
    public bool Available => _server is not null && _startError is null;

    /// <summary>Why the tests that need PostgreSQL skip; null when the binaries were found.</summary>
    public string? SkipReason { get; private set; }

    public int Port { get; private set; }

    /// <summary>The server's own log while it runs: read it when SQL fails for unclear reasons.</summary>
    public string? LogPath { get; private set; }

    /// <summary>Superuser on the "postgres" database, without pooling so nothing lingers.</summary>
    public string AdminConnectionString
    {
        get
        {
            EnsureAvailable();
            return ConnectionString("postgres", pooling: false);
        }
    }

    public async ValueTask InitializeAsync()
    {
        var bin = Binaries.PostgresBinDirectory(BinDirectory);
        if (bin is null)
        {
            SkipReason = MissingBinaries;
            return;
        }

        try
        {
            await StartAsync(bin).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            // Kept for EnsureAvailable: only the tests that need PostgreSQL fail, with this reason.
            _startError = e;
            Shutdown();
        }
    }

    /// <summary>Call first in a test that needs PostgreSQL: skips it, or fails it under PLATFORM_REQUIRE_INFRA=1.</summary>
    public void EnsureAvailable()
    {
        if (_startError is not null)
        {
            throw new InvalidOperationException($"PostgreSQL was found but did not start: {_startError.Message}", _startError);
        }

        if (!Available)
        {
            Infra.SkipOrFail(SkipReason ?? MissingBinaries);
        }
    }

    /// <summary>Creates an empty database with a unique name and returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync(string? prefix = null)
    {
        EnsureAvailable();
        var name = DatabaseName(prefix);
        var connection = new NpgsqlConnection(AdminConnectionString);
        await using (connection.ConfigureAwait(false))
        {
            await connection.OpenAsync().ConfigureAwait(false);
            var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await using (command.ConfigureAwait(false))
            {
                await command.ExecuteNonQueryAsync().ConfigureAwait(false);
            }
        }

        return ConnectionString(name, pooling: true);
    }

    public ValueTask DisposeAsync()
    {
        Shutdown();
        return ValueTask.CompletedTask;
    }

    private async Task StartAsync(string bin)
    {
        // As root the temp folder has to be /tmp-like: the postgres user must be able to reach it.
        var runAs = Unix.IsRoot ? SystemUser : null;
        _root = new TempDirectory("platform-pg", runAs is null ? null : "/tmp");
        var data = Path.Combine(_root.Path, "data");
        var log = LogPath = Path.Combine(_root.Path, "postgres.log");
        var sockets = Directory.CreateDirectory(Path.Combine(_root.Path, "sockets")).FullName;
        var timeout = TimeSpan.FromSeconds(60);
        if (runAs is not null)
        {
            await Commands.RunAsync(Commands.Create("chown", ["-R", $"{runAs}:{runAs}", _root.Path], _root.Path), timeout).ConfigureAwait(false);
        }

        string[] initdb = ["-D", data, "-A", "trust", "-U", "postgres", "--no-sync", "-E", "UTF8", "--locale=C.UTF-8"];
        await Commands.RunAsync(Commands.Create(Path.Combine(bin, "initdb"), initdb, _root.Path, runAs), timeout).ConfigureAwait(false);

        _start = (bin, data, sockets, log, runAs);

        // The free port can be taken before postgres binds it; a fresh port usually fixes that.
        for (var attempt = 1; ; attempt++)
        {
            Port = Infra.FreePort();
            if (await LaunchAsync().ConfigureAwait(false))
            {
                return;
            }

            _server?.Stop(TimeSpan.FromSeconds(5));
            _server = null;
            if (attempt == 3)
            {
                throw new InvalidOperationException($"postgres exited during start-up. Last log lines:\n{Commands.Tail(log)}");
            }
        }
    }

    /// <summary>
    /// Stops the server, keeping its data, to play a database outage; <see cref="StartAgainAsync"/> brings it back on
    /// the same port. A test that uses them should own its instance (class fixture), not share the assembly's.
    /// </summary>
    public void Stop()
    {
        EnsureAvailable();
        _server!.Stop(TimeSpan.FromSeconds(15));
        _server = null;
    }

    /// <summary>Starts the stopped server again on the same port, with the same data; returns once it accepts connections.</summary>
    public async Task StartAgainAsync()
    {
        if (_start is null || _server is not null)
        {
            throw new InvalidOperationException("StartAgainAsync needs a server that was started, then stopped.");
        }

        if (!await LaunchAsync().ConfigureAwait(false))
        {
            throw new InvalidOperationException($"postgres did not start again on port {Port}. Last log lines:\n{Commands.Tail(_start.Value.Log)}");
        }
    }

    private async Task<bool> LaunchAsync()
    {
        var (bin, data, sockets, log, runAs) = _start!.Value;
        string[] args =
        [
            "-D", data, "-p", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "-k", sockets,
            "-c", "listen_addresses=127.0.0.1", "-c", "fsync=off", "-c", "synchronous_commit=off",
            "-c", "full_page_writes=off", "-c", "max_connections=600",
        ];
        _server = ServerProcess.Start(Path.Combine(bin, "postgres"), args, log, "INT", _root!.Path, runAs);
        return await WaitUntilReadyAsync(log).ConfigureAwait(false);
    }

    /// <summary>True once a connection succeeds, false if postgres exits first.</summary>
    private async Task<bool> WaitUntilReadyAsync(string log)
    {
        var probe = new NpgsqlConnectionStringBuilder(ConnectionString("postgres", pooling: false)) { Timeout = 2 }.ConnectionString;
        var deadline = DateTime.UtcNow + StartTimeout;
        while (DateTime.UtcNow < deadline)
        {
            if (_server!.HasExited)
            {
                return false;
            }

            try
            {
                var connection = new NpgsqlConnection(probe);
                await using (connection.ConfigureAwait(false))
                {
                    await connection.OpenAsync().ConfigureAwait(false);
                    return true;
                }
            }
            catch (Exception e) when (e is NpgsqlException or SocketException or IOException or TimeoutException)
            {
                await Task.Delay(100).ConfigureAwait(false);
            }
        }

        throw new TimeoutException($"postgres did not accept connections within {StartTimeout.TotalSeconds:0} s. Last log lines:\n{Commands.Tail(log)}");
    }

    private string ConnectionString(string database, bool pooling) => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1",
        Port = Port,
        Username = "postgres",
        Database = database,
        Pooling = pooling,
        // Many test databases share one server capped at max_connections=600: each pool stays small and gives back
        // idle connections soon, so finished test classes do not hold the server's slots until the run ends.
        MaxPoolSize = 20,
        ConnectionIdleLifetime = 10,
        IncludeErrorDetail = true,
    }.ConnectionString;

    private static string DatabaseName(string? prefix)
    {
        // Identifiers stop at 63 bytes: a short readable prefix, then a guid for uniqueness.
        var clean = UnsafeNameCharacters().Replace((prefix ?? "test").ToLowerInvariant(), "_");
        clean = clean.Length == 0 ? "test" : clean[..Math.Min(clean.Length, 30)];
        return $"{clean}_{Guid.NewGuid():N}";
    }

    private void Shutdown()
    {
        _server?.Stop(TimeSpan.FromSeconds(15));
        _server = null;
        _root?.Dispose();
        _root = null;
        LogPath = null;
    }

    [GeneratedRegex("[^a-z0-9_]")]
    private static partial Regex UnsafeNameCharacters();
}
