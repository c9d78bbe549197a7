using System.Diagnostics;
using System.Text.Json;

namespace Platform.Bench.Peers;

/// <summary>
/// A peer installed from npm at a pinned version into the user's cache (~/.cache/platform-bench/npm/name@version), once;
/// later runs reuse it. Needs node and npm on the PATH (README: prerequisites for the benchmarks).
/// </summary>
public static class NpmPackage
{
    /// <summary>Installs <paramref name="name"/>@<paramref name="version"/> unless it is already there; returns its prefix directory.</summary>
    public static async Task<string> EnsureAsync(string name, string version)
    {
        var prefix = Path.Combine(CacheRoot(), $"{name.Replace('/', '+')}@{version}");
        if (InstalledVersion(prefix, name) == version)
        {
            Console.WriteLine($"peer: {name}@{version} (npm, already installed in {prefix})");
            return prefix;
        }
        Console.WriteLine($"peer: installing {name}@{version} with npm into {prefix}");
        Directory.CreateDirectory(prefix);
        var start = new ProcessStartInfo("npm") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { "install", "--no-audit", "--no-fund", "--save-exact", "--prefix", prefix, $"{name}@{version}" })
        {
            start.ArgumentList.Add(arg);
        }
        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException("npm was not found on the PATH: install Node.js 20 or later (README, benchmarks).", e);
        }
        using (process)
        {
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            if (process.ExitCode != 0 || InstalledVersion(prefix, name) != version)
            {
                throw new InvalidOperationException($"npm install {name}@{version} failed ({process.ExitCode}):\n{await output}\n{await error}");
            }
        }
        return prefix;
    }

    /// <summary>The directory of the installed package inside its prefix (node_modules/name).</summary>
    public static string PackageDirectory(string prefix, string name) => Path.Combine(prefix, "node_modules", name);

    private static string? InstalledVersion(string prefix, string name)
    {
        var manifest = Path.Combine(PackageDirectory(prefix, name), "package.json");
        if (!File.Exists(manifest))
        {
            return null;
        }
        using var document = JsonDocument.Parse(File.ReadAllText(manifest));
        return document.RootElement.TryGetProperty("version", out var v) ? v.GetString() : null;
    }

    private static string CacheRoot()
    {
        var cache = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
        if (string.IsNullOrEmpty(cache))
        {
            cache = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache");
        }
        return Path.Combine(cache, "platform-bench", "npm");
    }
}
