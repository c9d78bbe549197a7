using System.Security.Cryptography;

namespace Platform.AppHost;

/// <summary>
/// The admin API key, a secret parameter. When running, it is Parameters:admin-key if configured, otherwise generated
/// once into &lt;data dir&gt;/admin-key (mode 600) so the same key works after a restart. In publish mode it stays an input
/// for the deployment (azd asks for it and keeps it as a secret).
/// </summary>
internal static class AdminKey
{
    public const string ParameterName = "admin-key";
    private const string ConfigurationKey = "Parameters:" + ParameterName;
    private const string UrlSafe = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

    public static IResourceBuilder<ParameterResource> AddParameter(IDistributedApplicationBuilder builder, AppHostOptions options)
    {
        if (builder.ExecutionContext.IsRunMode && string.IsNullOrWhiteSpace(builder.Configuration[ConfigurationKey]))
        {
            builder.Configuration[ConfigurationKey] = ReadOrCreate(Path.Combine(options.DataDir, "admin-key"));
        }

        return builder.AddParameter(ParameterName, secret: true);
    }

    private static string ReadOrCreate(string path)
    {
        if (File.Exists(path) && File.ReadAllText(path).Trim() is { Length: > 0 } stored)
        {
            return stored;
        }

        var key = "plk_" + RandomNumberGenerator.GetString(UrlSafe, 32);
        var file = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            // Created 600 from the start: no moment where another user could read it.
            file.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var writer = new StreamWriter(path, file))
        {
            writer.WriteLine(key);
        }

        if (!OperatingSystem.IsWindows())
        {
            // UnixCreateMode does not apply when an empty file was already there.
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        return key;
    }
}
