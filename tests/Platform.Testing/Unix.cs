namespace Platform.Testing;

internal static class Unix
{
    /// <summary>PostgreSQL refuses to run as root, and CI runs as root.</summary>
    public static bool IsRoot { get; } = EffectiveUserId() is 0 || Environment.UserName == "root";

    // /proc needs no native interop, and these servers only run on Linux anyway.
    private static int? EffectiveUserId()
    {
        try
        {
            var uid = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("Uid:", StringComparison.Ordinal));
            var fields = uid?.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            return fields is { Length: > 2 } && int.TryParse(fields[2], out var euid) ? euid : null;
        }
        catch (IOException)
        {
            return null;
        }
    }
}
