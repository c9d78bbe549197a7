using System.Diagnostics;
using Microsoft.Extensions.AI;

namespace Platform.Core.Gateway;

/// <summary>
/// Per-call state shared by the pipeline layers: who is asking and what they want (in), and what happened
/// (out: provider, cache hit, attempts, cost, timings). Travels in ChatOptions.AdditionalProperties.
/// </summary>
public sealed class GatewayContext
{
    public const string PropertyKey = "platform.gateway";

    public Guid InteractionId { get; set; } = Guid.CreateVersion7();
    public string Source { get; init; } = "api";
    public string InteractionType { get; init; } = "chat";
    public Guid? OwnerUserId { get; init; }
    public string? EndUserId { get; init; }
    public string? SessionId { get; init; }
    public string? ProviderHint { get; init; }
    public bool UseCache { get; init; } = true;
    public bool RecordInteraction { get; init; } = true;
    public IReadOnlyDictionary<string, string>? Metadata { get; init; }
    public string? PromptVersion { get; init; }
    /// <summary>The caller's input variables (recorded as given) and those it required but did not send.</summary>
    public IReadOnlyDictionary<string, string>? Variables { get; init; }
    public IReadOnlyList<string>? MissingVariables { get; init; }

    public string? ModelRequested { get; set; }
    public string? Provider { get; set; }
    public bool Cached { get; set; }
    public int Attempts { get; set; }
    public double? CostUsd { get; set; }
    public double? TimeToFirstTokenMs { get; set; }

    /// <summary>Wall time spent below the cache (routing, provider calls, retries): what is not platform overhead.</summary>
    public long ProviderTicks { get; set; }

    public long StartedTimestamp { get; init; } = Stopwatch.GetTimestamp();

    public double ElapsedMs => Stopwatch.GetElapsedTime(StartedTimestamp).TotalMilliseconds;

    public double OverheadMs => Math.Max(0, ElapsedMs - TimeSpan.FromTicks(ProviderTicks).TotalMilliseconds);

    public static GatewayContext Of(ChatOptions? options) =>
        options?.AdditionalProperties?.TryGetValue(PropertyKey, out var value) == true && value is GatewayContext context
            ? context
            : new GatewayContext();

    public ChatOptions AttachTo(ChatOptions options)
    {
        options.AdditionalProperties ??= [];
        options.AdditionalProperties[PropertyKey] = this;
        return options;
    }
}
