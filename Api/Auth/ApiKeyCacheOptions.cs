namespace Platform.Api.Auth;

/// <summary>The "Platform:Auth" section: how long resolved API keys are trusted from this process's memory.</summary>
public sealed class ApiKeyCacheOptions
{
    public const string Section = "Platform:Auth";

    /// <summary>A resolved key is re-read from the database after this long (without Redis, the most a revocation made on another replica takes).</summary>
    public int CacheSeconds { get; set; } = 10;

    /// <summary>While the database cannot be reached, a key resolved at most this long ago keeps working (stale-while-error).</summary>
    public int StaleSeconds { get; set; } = 300;
}
