namespace Platform.Core.Contracts;

/// <summary>Contracts:* settings: the generation path's timeout, default model and circuit breaker.</summary>
public sealed class ContractOptions
{
    public const string Section = "Contracts";

    /// <summary>How long one generation may wait for the model (the whole call, retries included); over it, the fallback answers.</summary>
    public double TimeoutSeconds { get; set; } = 30;

    /// <summary>The model asked when the request names none; unset = the gateway's default model.</summary>
    public string? DefaultModel { get; set; }

    public ContractBreakerOptions Breaker { get; set; } = new();

    public string? Problem()
    {
        if (TimeoutSeconds is < 1 or > 600)
        {
            return $"{Section}:{nameof(TimeoutSeconds)} is {TimeoutSeconds}; it must be between 1 and 600.";
        }
        if (Breaker.FailureThreshold is < 2 or > 1000)
        {
            // Polly's smallest minimum throughput is 2.
            return $"{Section}:Breaker:{nameof(ContractBreakerOptions.FailureThreshold)} is {Breaker.FailureThreshold}; it must be between 2 and 1000.";
        }
        if (Breaker.BreakSeconds is < 1 or > 86400)
        {
            return $"{Section}:Breaker:{nameof(ContractBreakerOptions.BreakSeconds)} is {Breaker.BreakSeconds}; it must be between 1 and 86400.";
        }
        if (Breaker.SamplingSeconds is < 1 or > 86400)
        {
            return $"{Section}:Breaker:{nameof(ContractBreakerOptions.SamplingSeconds)} is {Breaker.SamplingSeconds}; it must be between 1 and 86400.";
        }
        return null;
    }
}

public sealed class ContractBreakerOptions
{
    /// <summary>Failed generations (provider error, timeout, unusable output) with no success between them that open the circuit.</summary>
    public int FailureThreshold { get; set; } = 5;

    /// <summary>How long the circuit stays open before one trial call is let through.</summary>
    public int BreakSeconds { get; set; } = 60;

    /// <summary>The window the failures are counted in.</summary>
    public int SamplingSeconds { get; set; } = 300;
}
