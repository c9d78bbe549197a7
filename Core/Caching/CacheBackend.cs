namespace Platform.Core.Caching;

/// <summary>Which IDistributedCache this process uses: "memory" or "redis".</summary>
public sealed record CacheBackend(string Name, string? Endpoint);
