namespace Platform.Api.Tests;

/// <summary>Where a service's build output is, for tests that run it as a real process.</summary>
internal static class BuiltService
{
    /// <summary>
    /// &lt;repo&gt;/&lt;folder&gt;/bin/&lt;configuration&gt;/&lt;tfm&gt;/&lt;assembly&gt;: the test's own output folder
    /// (tests/&lt;project&gt;/bin/&lt;configuration&gt;/&lt;tfm&gt;/) names the configuration to use.
    /// </summary>
    public static string Locate(string folder, string assembly)
    {
        var output = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var root = output;
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "Platform.sln")))
        {
            root = root.Parent;
        }
        var path = Path.Combine(root?.FullName ?? throw new InvalidOperationException("Platform.sln not found above the test folder"),
            folder, "bin", output.Parent!.Name, output.Name, assembly);
        return File.Exists(path) ? path : throw new FileNotFoundException($"Build {folder} first", path);
    }
}
