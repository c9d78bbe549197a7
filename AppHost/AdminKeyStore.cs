using System.Security.Cryptography;

namespace Platform.AppHost;

/// <summary>
/// The admin key: Platform__AdminKey when set, otherwise generated once into &lt;data dir&gt;/admin-key
/// (mode 600) so the same key works after a restart.
/// </summary>
internal static class AdminKeyStore
{
    private const string UrlSafe = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

    /// <returns>The key and a description of where it lives.</returns>
    public static (string Key, string Source) Resolve(string dataDir)
    {
        var fromEnvironment = Environment.GetEnvironmentVariable("Platform__AdminKey");
        if (!string.IsNullOrWhiteSpace(fromEnvironment))
        {
            return (fromEnvironment, "the Platform__AdminKey environment variable");
        }

        var path = Path.Combine(dataDir, "admin-key");
        if (File.Exists(path) && File.ReadAllText(path).Trim() is { Length: > 0 } stored)
        {
            return (stored, path);
        }

        var key = "plk_" + RandomNumberGenerator.GetString(UrlSafe, 32);
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            // Created 600 from the start: no moment where another user could read it.
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var writer = new StreamWriter(path, options))
        {
            writer.WriteLine(key);
        }

        if (!OperatingSystem.IsWindows())
        {
            // UnixCreateMode does not apply when an empty file was already there.
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        return (key, path);
    }
}
