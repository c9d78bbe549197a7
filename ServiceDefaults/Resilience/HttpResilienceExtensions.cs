using Microsoft.Extensions.DependencyInjection;

namespace Platform.ServiceDefaults.Resilience;

public static class HttpResilienceExtensions
{
    /// <summary>
    /// Stands in for Microsoft.Extensions.Http.Resilience's standard handler, which this registry does not serve:
    /// total timeout, retries with jittered backoff on transient failures, a circuit breaker, a per-attempt timeout.
    /// </summary>
    public static IHttpClientBuilder AddPlatformResilience(this IHttpClientBuilder builder, Action<HttpResilienceOptions>? configure = null)
    {
        var options = new HttpResilienceOptions();
        configure?.Invoke(options);
        var pipeline = HttpResiliencePipeline.Build(options);
        return builder.AddHttpMessageHandler(() => new ResilienceHandler(pipeline));
    }
}
