namespace Platform.Core.Data;

public enum DatabaseProvider
{
    Sqlite,
    PostgreSql,
}

/// <summary>Which database this process talks to, for the status page and provider-specific SQL.</summary>
public sealed record DatabaseInfo(DatabaseProvider Provider, string ConnectionString, string Description)
{
    public string ProviderName => Provider == DatabaseProvider.Sqlite ? "sqlite" : "postgresql";
}
