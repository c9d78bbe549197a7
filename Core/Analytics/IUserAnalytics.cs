namespace Platform.Core.Analytics;

/// <summary>A user's analytics through the cache (<c>llm:analytics:{userId}</c>); <paramref name="fresh"/> recomputes and stores.</summary>
public interface IUserAnalytics
{
    Task<UserAnalytics> GetAsync(string userId, string? sessionId, DateTime? from, DateTime? to, bool fresh, CancellationToken ct);
}
