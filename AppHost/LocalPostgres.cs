using System.Globalization;

namespace Platform.AppHost;

/// <summary>
/// `--postgres`: a local PostgreSQL with trust auth in &lt;data dir&gt;/postgres (initdb on first use),
/// on a free port, with a database named platform.
/// </summary>
internal static class LocalPostgres
{
    public static async Task<(ChildProcess Child, string ConnectionString)> StartAsync(string dataDir, int port, ChildSet children, CancellationToken stop)
    {
        var bin = FindBinDir()
            ?? throw new LauncherException("--postgres needs PostgreSQL's server programs in /usr/lib/postgresql/<version>/bin (Debian: apt-get install postgresql).");
        var data = Path.Combine(dataDir, "postgres");
        var fresh = !File.Exists(Path.Combine(data, "PG_VERSION"));
        Directory.CreateDirectory(data);

        // A private socket folder: /var/run/postgresql may not exist or be writable, and data
        // folder paths can exceed the 107-byte socket path limit.
        var sockets = Directory.CreateTempSubdirectory("apphost-pg-").FullName;
        children.OnCleanup(() => Directory.Delete(sockets, recursive: true));
        if (Posix.IsRoot)
        {
            await RunAsync("chown", ["postgres:postgres", data, sockets], stop);
        }

        if (fresh)
        {
            ConsoleLog.Info($"initializing PostgreSQL in {data}");
            var (file, arguments) = AsPostgresUser(Path.Combine(bin, "initdb"), "-D", data, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--no-locale");
            await RunAsync(file, arguments, stop, data, $" The postgres user must be able to reach {data} (every parent folder needs o+x).");
        }

        var (server, serverArguments) = AsPostgresUser(
            Path.Combine(bin, "postgres"), "-D", data, "-p", Text(port), "-k", sockets, "-c", "listen_addresses=localhost");
        var child = children.Start(new ChildSpec("postgres", server, serverArguments, data) { StopSignal = Posix.SigInt });

        string[] client = ["-h", "localhost", "-p", Text(port), "-U", "postgres"];
        var exists = "";
        await Readiness.WaitAsync("postgres", TimeSpan.FromSeconds(60), async ct =>
        {
            var (code, output) = await ShellCommand.RunAsync(
                Path.Combine(bin, "psql"), ["-X", .. client, "-d", "postgres", "-tAc", "SELECT 1 FROM pg_database WHERE datname = 'platform'"], ct);
            exists = output;
            return code == 0 ? null : output;
        }, stop);
        if (exists != "1")
        {
            await RunAsync(Path.Combine(bin, "createdb"), [.. client, "platform"], stop);
            ConsoleLog.Info("created PostgreSQL database platform");
        }

        return (child, $"Host=localhost;Port={Text(port)};Username=postgres;Database=platform");
    }

    private static string? FindBinDir() =>
        !Directory.Exists("/usr/lib/postgresql") ? null
            : Directory.GetDirectories("/usr/lib/postgresql")
                .Where(version => File.Exists(Path.Combine(version, "bin", "initdb")))
                .OrderByDescending(version => int.TryParse(Path.GetFileName(version), CultureInfo.InvariantCulture, out var major) ? major : 0)
                .Select(version => Path.Combine(version, "bin"))
                .FirstOrDefault();

    /// <summary>
    /// initdb and postgres refuse to run as root. setpriv rather than runuser: runuser stays as a
    /// parent and SIGKILLs its child 2 s after a SIGTERM, while setpriv execs in place, so the pid we
    /// hold is the postmaster itself and SIGINT gives it a clean fast shutdown.
    /// </summary>
    private static (string File, string[] Arguments) AsPostgresUser(string file, params string[] arguments) =>
        Posix.IsRoot ? ("setpriv", ["--reuid=postgres", "--regid=postgres", "--init-groups", "--", file, .. arguments]) : (file, arguments);

    private static async Task RunAsync(string file, string[] arguments, CancellationToken stop, string? workingDirectory = null, string hint = "")
    {
        var (code, output) = await ShellCommand.RunAsync(file, arguments, stop, workingDirectory);
        if (code != 0)
        {
            throw new LauncherException($"{Path.GetFileName(file)} {string.Join(' ', arguments)} failed (exit code {code}): {output}{hint}");
        }
    }

    private static string Text(int port) => port.ToString(CultureInfo.InvariantCulture);
}
