using System.Text.Json;

namespace Platform.AppHost;

/// <summary>
/// Where each service's built dll is: services.json, written next to the AppHost by
/// ServiceCatalog.targets after every build.
/// </summary>
internal sealed class ServiceCatalog(IReadOnlyDictionary<string, string> dlls)
{
    public static readonly string[] Names = ["api", "worker", "web"];

    public string DllOf(string name) => dlls[name];

    public static ServiceCatalog Load()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "services.json");
        if (!File.Exists(path))
        {
            throw new LauncherException($"{path} is missing: build the AppHost project (dotnet build AppHost) so it lists the services.");
        }

        var dlls = JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(path)) ?? [];
        foreach (var name in Names)
        {
            if (!dlls.TryGetValue(name, out var dll))
            {
                throw new LauncherException($"{path} has no '{name}' entry: check ServiceName on the AppHost's project references.");
            }

            if (!File.Exists(dll))
            {
                throw new LauncherException($"{name}: {dll} does not exist; did its build fail? Rebuild with dotnet build AppHost.");
            }
        }

        return new ServiceCatalog(dlls);
    }
}
