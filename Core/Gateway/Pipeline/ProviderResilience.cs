using Microsoft.Extensions.Logging;
using Platform.Core.Gateway.Providers;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;

namespace Platform.Core.Gateway.Pipeline;

/// <summary>
/// One deployment's (provider + model) retry (transient errors only, exponential backoff with jitter, Retry-After honoured) around a circuit
/// breaker (failure ratio over a sampling window, with a minimum throughput). The per-attempt timeout lives in
/// <see cref="ResilientChatClient"/>, because a stream outlives the attempt that opened it.
/// </summary>
public static class ProviderResilience
{
    public static readonly ResiliencePropertyKey<GatewayContext> ContextKey = new("platform.gateway.context");

    /// <param name="opened">Told the failure that opened the circuit, so a refusal can answer in its terms.</param>
    public static ResiliencePipeline Build(
        string provider, string model, LlmResilienceOptions options, CircuitBreakerStateProvider state, CircuitBreakerManualControl control,
        ILogger logger, Action<ProviderException?> opened)
    {
        var builder = new ResiliencePipelineBuilder();
        if (options.MaxRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = args => ValueTask.FromResult(args.Outcome.Exception is ProviderException { IsTransient: true }),
                MaxRetryAttempts = options.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = TimeSpan.FromMilliseconds(options.BaseDelayMilliseconds),
                MaxDelay = TimeSpan.FromMilliseconds(options.MaxDelayMilliseconds),
                // The provider knows best when it can take the next call.
                DelayGenerator = args => ValueTask.FromResult(
                    args.Outcome.Exception is ProviderException { RetryAfter: { } after }
                        ? TimeSpan.FromMilliseconds(Math.Min(after.TotalMilliseconds, options.MaxDelayMilliseconds))
                        : (TimeSpan?)null),
                OnRetry = args =>
                {
                    logger.LogWarning("Model {Model} on provider {Provider} failed ({Error}); retry {Attempt} in {Delay} ms",
                        model, provider, args.Outcome.Exception?.Message, args.AttemptNumber + 1, args.RetryDelay.TotalMilliseconds);
                    return ValueTask.CompletedTask;
                },
            });
        }
        return builder
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions
            {
                // Only the provider's own trouble counts: a rejected request or a wrong key says nothing about its health.
                ShouldHandle = args => ValueTask.FromResult(args.Outcome.Exception is ProviderException { IsTransient: true }),
                FailureRatio = options.BreakerFailureRatio,
                MinimumThroughput = options.BreakerMinimumThroughput,
                SamplingDuration = TimeSpan.FromSeconds(options.BreakerSamplingSeconds),
                BreakDuration = TimeSpan.FromSeconds(options.BreakerBreakSeconds),
                StateProvider = state,
                ManualControl = control,
                OnOpened = args =>
                {
                    opened(args.Outcome.Exception as ProviderException);
                    logger.LogWarning("Circuit for model {Model} on provider {Provider} opened for {Seconds} s",
                        model, provider, args.BreakDuration.TotalSeconds);
                    return ValueTask.CompletedTask;
                },
            })
            .Build();
    }
}
