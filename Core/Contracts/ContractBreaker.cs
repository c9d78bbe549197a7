using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Platform.Core.Gateway.Routing;
using Polly;
using Polly.CircuitBreaker;

namespace Platform.Core.Contracts;

/// <summary>
/// The contract generation path's circuit breaker (Polly), one per process, around a timeout for the whole model call.
/// Every failure of the path counts: provider errors, timeouts, and answers that are not a valid contract. Polly breaks
/// on a failure ratio; with the ratio at 1 and the minimum throughput at the threshold, the circuit opens once
/// FailureThreshold generations in the sampling window have all failed.
/// </summary>
public sealed class ContractBreaker
{
    private readonly CircuitBreakerStateProvider _state = new();
    private readonly CircuitBreakerManualControl _control = new();
    private readonly ContractBreakerOptions _options;
    private readonly TimeProvider _time;
    private int _consecutiveFailures;
    private DateTimeOffset? _openedAt;

    public ContractBreaker(IOptions<ContractOptions> options, TimeProvider time, ILogger<ContractBreaker> logger)
    {
        _options = options.Value.Breaker;
        _time = time;
        Pipeline = new ResiliencePipelineBuilder { TimeProvider = time }
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions
            {
                // The caller going away says nothing about the model.
                ShouldHandle = args => ValueTask.FromResult(args.Outcome.Exception is { } e && e is not OperationCanceledException),
                FailureRatio = 1.0,
                MinimumThroughput = _options.FailureThreshold,
                SamplingDuration = TimeSpan.FromSeconds(_options.SamplingSeconds),
                BreakDuration = TimeSpan.FromSeconds(_options.BreakSeconds),
                StateProvider = _state,
                ManualControl = _control,
                OnOpened = args =>
                {
                    _openedAt = _time.GetUtcNow();
                    logger.LogWarning("Contract generation circuit opened for {Seconds} s after {Failures} failed generations: {Error}",
                        args.BreakDuration.TotalSeconds, Volatile.Read(ref _consecutiveFailures), args.Outcome.Exception?.Message);
                    return ValueTask.CompletedTask;
                },
                OnClosed = _ =>
                {
                    _openedAt = null;
                    logger.LogInformation("Contract generation circuit closed");
                    return ValueTask.CompletedTask;
                },
            })
            .AddTimeout(TimeSpan.FromSeconds(options.Value.TimeoutSeconds))
            .Build();
    }

    /// <summary>Breaker (outer) then timeout: a timed-out call counts as a failure.</summary>
    public ResiliencePipeline Pipeline { get; }

    public void RecordSuccess() => Interlocked.Exchange(ref _consecutiveFailures, 0);

    public void RecordFailure() => Interlocked.Increment(ref _consecutiveFailures);

    public ContractBreakerStatus Status()
    {
        var state = Deployment.NameOf(_state.CircuitState);
        var openedAt = state == Deployment.Closed ? null : _openedAt;
        double? retryAfter = state == Deployment.Open && openedAt is { } at
            ? Math.Max(1, Math.Ceiling((at.AddSeconds(_options.BreakSeconds) - _time.GetUtcNow()).TotalSeconds))
            : null;
        return new ContractBreakerStatus(state, Volatile.Read(ref _consecutiveFailures), _options.FailureThreshold, _options.BreakSeconds,
            openedAt?.UtcDateTime, retryAfter is { } seconds ? (int)seconds : null);
    }

    /// <summary>Closes the circuit and forgets the failures counted so far.</summary>
    public async Task<ContractBreakerStatus> ResetAsync(CancellationToken cancellationToken)
    {
        await _control.CloseAsync(cancellationToken);
        Interlocked.Exchange(ref _consecutiveFailures, 0);
        _openedAt = null;
        return Status();
    }
}

/// <summary>The breaker as GET /api/contracts/circuit-breaker answers it.</summary>
public sealed record ContractBreakerStatus(
    string State, int ConsecutiveFailures, int FailureThreshold, int BreakSeconds, DateTime? OpenedAt, int? RetryAfterSeconds);
