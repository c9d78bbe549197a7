using System.Net;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Timeout;

namespace Platform.ServiceDefaults.Resilience;

internal static class HttpResiliencePipeline
{
    public static ResiliencePipeline<HttpResponseMessage> Build(HttpResilienceOptions options)
    {
        var transient = new PredicateBuilder<HttpResponseMessage>()
            .Handle<HttpRequestException>()
            .Handle<TimeoutRejectedException>()
            .HandleResult(IsTransient)
            .Build();

        return new ResiliencePipelineBuilder<HttpResponseMessage>()
            .AddTimeout(options.TotalTimeout)
            .AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                ShouldHandle = args => ValueTask.FromResult(IsRetryable(args.Context) && transient(args.Outcome)),
                MaxRetryAttempts = options.MaxRetryAttempts,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.RetryBaseDelay,
            })
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions<HttpResponseMessage>
            {
                ShouldHandle = args => ValueTask.FromResult(transient(args.Outcome)),
                FailureRatio = options.BreakerFailureRatio,
                MinimumThroughput = options.BreakerMinimumThroughput,
                SamplingDuration = options.BreakerSamplingDuration,
                BreakDuration = options.BreakerDuration,
            })
            .AddTimeout(options.AttemptTimeout)
            .Build();
    }

    internal static readonly ResiliencePropertyKey<bool> IdempotentKey = new("platform.idempotent");

    // A POST that timed out may already have been applied: only methods that are safe to repeat are retried.
    private static bool IsRetryable(ResilienceContext context) =>
        context.Properties.TryGetValue(IdempotentKey, out var idempotent) && idempotent;

    private static bool IsTransient(HttpResponseMessage response) =>
        response.StatusCode is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests
        || (int)response.StatusCode >= 500;
}
