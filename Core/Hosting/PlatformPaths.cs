using Microsoft.Extensions.Configuration;

namespace Platform.Core.Hosting;

public static class PlatformPaths
{
    public const string DataDirectoryKey = "Platform:DataDir";

    /// <summary>Where the embedded database and other local state live: Platform:DataDir, else ".data" under the working directory.</summary>
    public static string DataDirectory(IConfiguration configuration) =>
        Path.GetFullPath(configuration[DataDirectoryKey] is { Length: > 0 } dir ? dir : ".data");
}
