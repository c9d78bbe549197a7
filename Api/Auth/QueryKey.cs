namespace Platform.Api.Auth;

/// <summary>
/// Marks the one endpoint (POST /api/events) that also takes a key as "?key=": navigator.sendBeacon cannot set
/// headers. Only ingest keys are accepted there, since URLs end up in logs and browser history.
/// </summary>
public sealed class QueryKeyMetadata
{
    public const string Parameter = "key";
}

public static class QueryKeyExtensions
{
    public static TBuilder AllowIngestKeyInQuery<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new QueryKeyMetadata());
}
