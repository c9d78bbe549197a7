namespace Platform.AppHost;

/// <summary>How to start one child. Environment entries with a null value are removed.</summary>
internal sealed record ChildSpec(string Name, string FileName, IReadOnlyList<string> Arguments, string WorkingDirectory)
{
    public IReadOnlyDictionary<string, string?> Environment { get; init; } = new Dictionary<string, string?>();

    /// <summary>The signal that asks for a graceful stop (PostgreSQL wants SIGINT for a fast shutdown).</summary>
    public int StopSignal { get; init; } = Posix.SigTerm;
}
