using System.Text.Json.Nodes;
using Microsoft.Extensions.AI;
using Platform.Core.Gateway;
using Polly.CircuitBreaker;

namespace Platform.Core.Contracts;

/// <summary>What asking the model gave: a valid merged contract, or the reason it could not be used (and its answer, if any).</summary>
public sealed record ModelAttempt(ChatResponse? Response, JsonObject? Contract, string? Explanation, Exception? Error, bool Offline)
{
    public bool CircuitOpen => Error is BrokenCircuitException;
}

/// <summary>
/// Asks the model through the gateway inside the contract breaker: the answer is parsed, merged into the base and
/// validated within the breaker's call, so an unusable answer counts as a failure as a provider error does.
/// </summary>
public sealed class ContractModelCall(LlmGateway gateway, ContractBreaker breaker)
{
    public async Task<ModelAttempt> AskAsync(IList<ChatMessage> messages, ChatOptions options, JsonObject baseContract, CancellationToken ct)
    {
        ChatResponse? response = null;
        try
        {
            var attempt = await breaker.Pipeline.ExecuteAsync(async token =>
            {
                response = await gateway.Client.GetResponseAsync(messages, options, token);
                if (IsOffline(options))
                {
                    // The offline provider echoes; it cannot revise a contract, and that is no fault of the path.
                    return new ModelAttempt(response, null, null, null, Offline: true);
                }
                var answer = ContractAnswer.Parse(response.Text);
                var merged = ContractMerge.Apply(baseContract, answer.Contract);
                if (ContractSchema.Validate(merged) is { Count: > 0 } errors)
                {
                    throw new ContractOutputException("The model's contract does not match the schema: " + string.Join("; ", errors.Take(5)));
                }
                return new ModelAttempt(response, merged, answer.Explanation, null, Offline: false);
            }, ct);
            breaker.RecordSuccess();
            return attempt;
        }
        catch (BrokenCircuitException open)
        {
            return new ModelAttempt(null, null, null, open, Offline: false);
        }
        catch (Exception e) when (!ct.IsCancellationRequested && e is not GatewayException)
        {
            breaker.RecordFailure();
            return new ModelAttempt(response, null, null, e, Offline: false);
        }
    }

    private bool IsOffline(ChatOptions options) =>
        GatewayContext.Of(options).Provider is { } provider
        && gateway.Providers.Find(provider)?.Type == Gateway.Providers.ProviderTypes.Offline;
}
