namespace Platform.Bench;

/// <summary>name=value options after the benchmark's name.</summary>
public sealed class BenchOptions(Dictionary<string, string> values)
{
    public static BenchOptions Parse(string[] args) =>
        new(args.Select(a => a.Split('=', 2)).Where(p => p.Length == 2).ToDictionary(p => p[0], p => p[1], StringComparer.OrdinalIgnoreCase));

    public int Int(string name, int fallback) => values.TryGetValue(name, out var v) && int.TryParse(v, out var i) ? i : fallback;

    public string? String(string name) => values.GetValueOrDefault(name);
}
