using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;

namespace Platform.Api.Tests.Fuzz;

/// <summary>One route and method the Api maps, with the body type it binds (if any).</summary>
internal sealed record FuzzEndpoint(string Method, RoutePattern Pattern, Type? RequestType)
{
    public override string ToString() => $"{Method} /{Pattern.RawText?.TrimStart('/')}";

    /// <summary>Every endpoint from the app's own routing table, so a new endpoint is fuzzed without anyone listing it.</summary>
    public static IReadOnlyList<FuzzEndpoint> All(IServiceProvider services) =>
        services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"])
                .Select(method => new FuzzEndpoint(method, e.RoutePattern, e.Metadata.GetMetadata<IAcceptsMetadata>()?.RequestType)))
            .OrderBy(e => e.ToString(), StringComparer.Ordinal)
            .ToList();

    public bool HasBody => RequestType is not null || Method is "POST" or "PUT" or "PATCH";
}
