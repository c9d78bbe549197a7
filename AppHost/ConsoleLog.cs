namespace Platform.AppHost;

/// <summary>
/// All output goes through here. Console.Out is synchronized, so one WriteLine per line keeps the
/// children's lines whole even when several write at once.
/// </summary>
internal static class ConsoleLog
{
    public static int NameWidth { get; set; } = 6;

    public static void Info(string message) => Console.Out.WriteLine($"[apphost] {message}");

    public static void Error(string message) => Console.Error.WriteLine($"[apphost] error: {message}");

    public static void Child(string name, string line) => Console.Out.WriteLine($"{name.PadRight(NameWidth)} | {line}");
}
