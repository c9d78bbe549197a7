namespace Platform.Testing;

/// <summary>A uniquely named folder, deleted with everything in it on dispose.</summary>
public sealed class TempDirectory : IDisposable
{
    public TempDirectory(string prefix = "platform", string? parent = null)
    {
        // Short names: PostgreSQL puts its Unix socket in here and socket paths max out at 107 bytes.
        var name = $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 13)];
        Path = System.IO.Path.Combine(parent ?? System.IO.Path.GetTempPath(), name);
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public override string ToString() => Path;

    public void Dispose()
    {
        try
        {
            if (Directory.Exists(Path))
            {
                Directory.Delete(Path, recursive: true);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A leftover temp folder must not hide the test result that is being reported.
        }
    }
}
