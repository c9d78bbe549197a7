namespace Platform.Worker.Processing;

/// <summary>
/// One kind of background work (the job system registers one). Each call runs inside its own DI scope,
/// so it can resolve a fresh DbContext; it returns true when it did something, to keep polling fast.
/// </summary>
public interface IWorkSource
{
    string Name { get; }

    Task<bool> RunOnceAsync(IServiceProvider scopedServices, CancellationToken stoppingToken);
}
