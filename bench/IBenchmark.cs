namespace Platform.Bench;

public interface IBenchmark
{
    string Description { get; }

    Task RunAsync(string[] args);
}
