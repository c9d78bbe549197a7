using System.Runtime.InteropServices;

namespace Platform.AppHost;

/// <summary>
/// The `dotnet` muxer that runs the services' dlls. Under `dotnet run` this process is the AppHost's
/// own native launcher, not dotnet, so the path is found rather than assumed.
/// </summary>
internal static class DotnetHost
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        var exe = OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet";

        // Set by the .NET SDK for everything it starts, `dotnet run` included.
        var fromSdk = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        if (File.Exists(fromSdk))
        {
            return fromSdk;
        }

        if (Environment.ProcessPath is { } self && System.IO.Path.GetFileName(self) == exe)
        {
            return self;
        }

        // The runtime lives in <dotnet root>/shared/Microsoft.NETCore.App/<version>/.
        var root = System.IO.Path.GetFullPath(System.IO.Path.Combine(RuntimeEnvironment.GetRuntimeDirectory(), "..", "..", ".."));
        var candidate = System.IO.Path.Combine(root, exe);
        return File.Exists(candidate) ? candidate : exe;
    }
}
