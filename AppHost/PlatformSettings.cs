namespace Platform.AppHost;

/// <summary>What every service is told, resolved once at start.</summary>
internal sealed record PlatformSettings(
    string DataDir, string AdminKey, string Database, string? Cache, IReadOnlyDictionary<string, int> Ports)
{
    public string UrlOf(string service) => $"http://localhost:{Ports[service]}";
}
