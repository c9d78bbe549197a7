namespace Platform.Bench;

/// <summary>name=value options after the benchmark's name.</summary>
public sealed class BenchOptions(Dictionary<string, string> values)
{
    public static BenchOptions Parse(string[] args) =>
        new(args.Select(a => a.Split('=', 2)).Where(p => p.Length == 2).ToDictionary(p => p[0], p => p[1], StringComparer.OrdinalIgnoreCase));

    public int Int(string name, int fallback) => values.TryGetValue(name, out var v) && int.TryParse(v, out var i) ? i : fallback;

    public string? String(string name) => values.GetValueOrDefault(name);

    /// <summary>Another build of the Api to run (<c>api=/path/to/Platform.Api.dll</c>, for an A/B), or null for this one.</summary>
    public string? ApiDll => String("api");

    /// <summary>
    /// <paramref name="environment"/> with the <c>api-env="NAME=value;NAME=value"</c> option's variables added (GC settings,
    /// buffer sizes), for the Api process only.
    /// </summary>
    public Dictionary<string, string> WithApiEnvironment(Dictionary<string, string> environment)
    {
        foreach (var pair in (String("api-env") ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var (name, value) = pair.Split('=', 2) is [var n, var v] ? (n, v) : (pair, "");
            environment[name] = value;
        }
        return environment;
    }
}
