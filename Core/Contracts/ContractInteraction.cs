using System.Text.Json;
using Microsoft.Extensions.AI;
using Platform.Core.Data;
using Platform.Core.Gateway;
using Platform.Core.Gateway.Pipeline;
using Platform.Core.Interactions;
using Polly.Timeout;

namespace Platform.Core.Contracts;

/// <summary>
/// One interactions row (type "contract") per generation, whichever path produced it: completed when the model's
/// contract was stored, failed with the reason when a fallback was (the fallback's contract is the structured output).
/// </summary>
internal static class ContractInteraction
{
    public const string Type = "contract";

    public static Interaction Build(
        GatewayContext context, IList<ChatMessage> messages, ChatOptions options, ModelAttempt attempt, UiContract stored, DateTime started, DateTime now)
    {
        var record = InteractionRecord.Create(context, messages, options, streamed: false, started);
        if (attempt.Response is { } response)
        {
            InteractionRecord.Complete(record, context, response, now);
        }
        if (attempt.Error is { } error)
        {
            if (attempt.Response is null)
            {
                InteractionRecord.Fail(record, context, error, partialText: null, now);
            }
            record.Status = InteractionStatus.Failed;
            (record.ErrorType, record.ErrorMessage) = error switch
            {
                Polly.CircuitBreaker.BrokenCircuitException => ("circuit_open", "The contract generation circuit is open; the model was not asked."),
                TimeoutRejectedException => ("timeout", error.Message),
                ContractOutputException => ("contract_invalid_output", StorableText.Clean(error.Message)),
                _ => (record.ErrorType, record.ErrorMessage),
            };
        }
        record.StructuredOutputJson = stored.Json;
        record.MetadataJson = JsonSerializer.Serialize(new Dictionary<string, string>
        {
            ["contractId"] = stored.Id.ToString(), ["contractVersion"] = stored.Version, ["contractPath"] = stored.OptimizedBy,
        });
        return record;
    }
}
