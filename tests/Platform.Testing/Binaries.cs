namespace Platform.Testing;

/// <summary>Finds the server executables the machine has installed.</summary>
internal static class Binaries
{
    private static readonly string[] PostgresTools = ["initdb", "postgres"];

    /// <summary>The folder holding initdb and postgres: Debian's newest /usr/lib/postgresql/N/bin, else PATH.</summary>
    public static string? PostgresBinDirectory(string? preferred)
    {
        if (preferred is not null)
        {
            return HasPostgresTools(preferred) ? preferred : null;
        }

        // Debian keeps these off PATH, one folder per major version.
        const string debianRoot = "/usr/lib/postgresql";
        var debian = Directory.Exists(debianRoot)
            ? Directory.GetDirectories(debianRoot)
                .Select(d => (Version: ParseVersion(System.IO.Path.GetFileName(d)), Bin: System.IO.Path.Combine(d, "bin")))
                .Where(v => v.Version is not null && HasPostgresTools(v.Bin))
                .OrderByDescending(v => v.Version)
                .Select(v => v.Bin)
                .FirstOrDefault()
            : null;
        if (debian is not null)
        {
            return debian;
        }

        var initdb = OnPath("initdb");
        var folder = initdb is null ? null : System.IO.Path.GetDirectoryName(initdb);
        return folder is not null && HasPostgresTools(folder) ? folder : null;
    }

    /// <summary>The full path of an executable on PATH or in the usual system folders, else null.</summary>
    public static string? OnPath(string name)
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        return path.Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Concat(["/usr/local/bin", "/usr/bin", "/bin", "/usr/sbin", "/sbin"])
            .Select(dir => System.IO.Path.Combine(dir, name))
            .FirstOrDefault(File.Exists);
    }

    private static bool HasPostgresTools(string folder) =>
        PostgresTools.All(tool => File.Exists(System.IO.Path.Combine(folder, tool)));

    private static Version? ParseVersion(string name) =>
        Version.TryParse(name.Contains('.', StringComparison.Ordinal) ? name : name + ".0", out var v) ? v : null;
}
