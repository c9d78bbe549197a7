using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Platform.Core.Analytics;
using Platform.Core.Gateway;
using Platform.Core.Interactions;

namespace Platform.Core.Contracts;

/// <summary>
/// Analytics + base contract -> prompt -> model (through the gateway and the contract breaker) -> validate -> store
/// as the next version. When the model cannot be used the heuristic rules answer, and when they change nothing valid
/// the base comes back unchanged ("safe"). Progress: 10 analytics, 40 model, 70 validating, 90 storing.
/// </summary>
public sealed class ContractGenerator(
    LlmGateway gateway, ContractModelCall model, ContractBreaker breaker, ContractStore store, IUserAnalytics analytics,
    InteractionBuffer interactions, IOptions<ContractOptions> options, TimeProvider time, ILogger<ContractGenerator> logger)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private const int MaxModelChars = 200;

    /// <summary>
    /// Throws <see cref="ContractBaseMissingException"/> (no base at all) and <see cref="GatewayException"/> (an unknown
    /// model) before anything is asked or stored.
    /// </summary>
    public async Task<ContractOutcome> GenerateAsync(ContractGeneration request, Func<int, Task>? progress, CancellationToken ct)
    {
        var started = time.GetUtcNow().UtcDateTime;
        var (baseContract, baseVersion) = await BaseAsync(request, ct);
        var context = new GatewayContext
        {
            Source = request.Source, InteractionType = ContractInteraction.Type, OwnerUserId = request.OwnerUserId,
            EndUserId = request.UserId, UseCache = false, RecordInteraction = false,
        };
        var chat = gateway.Prepare(new ChatOptions { ModelId = request.Model ?? options.Value.DefaultModel, ResponseFormat = ChatResponseFormat.Json }, context);
        await Report(progress, 10);

        var used = ContractAnalytics.From(await analytics.GetAsync(request.UserId, null, null, null, fresh: false, ct));
        var messages = ContractPrompt.Messages(used, baseContract);
        await Report(progress, 40);

        // Room in the interactions buffer first: a full buffer refuses before the provider is paid.
        await interactions.EnsureSpaceAsync(ct);
        var attempt = await model.AskAsync(messages, chat, baseContract, ct);
        await Report(progress, 70);

        var (contract, path, explanation, rules) = Result(attempt, context, baseContract, used);
        var answeredBy = path is ContractPaths.Heuristic or ContractPaths.Safe ? null : attempt.Response?.ModelId ?? chat.ModelId;
        // Every meta field stays within the schema's bounds, so what was validated stays valid with its meta.
        var meta = Meta(baseContract, path, Cut(answeredBy, MaxModelChars), explanation, used, rules);
        contract["meta"] = meta;
        var now = time.GetUtcNow().UtcDateTime;
        var version = ContractVersion.Next(baseVersion);
        var stored = new UiContract
        {
            OwnerUserId = request.OwnerUserId, UserId = request.UserId, Version = version.ToString(), VersionMajor = version.Major,
            VersionMinor = version.Minor, VersionPatch = version.Patch, Json = contract.ToJsonString(), MetaJson = meta.ToJsonString(),
            OptimizedBy = path, CreatedAt = now, UpdatedAt = now,
        };
        await Report(progress, 90);

        await store.AddAsync(stored, ct);
        await interactions.AddAsync(new InteractionWrite(ContractInteraction.Build(context, messages, chat, attempt, stored, started, now)));
        logger.LogInformation("Contract {contract_id} {version} for user {user_id} produced by {path}{reason}",
            stored.Id, stored.Version, request.UserId, path, attempt.Error is { } error ? $" ({error.GetType().Name}: {error.Message})" : "");
        var status = attempt.CircuitOpen ? breaker.Status() : null;
        return new ContractOutcome(stored, path, attempt.CircuitOpen, status?.RetryAfterSeconds);
    }

    private async Task<(JsonObject Contract, string? Version)> BaseAsync(ContractGeneration request, CancellationToken ct)
    {
        if (request.BaseContract is { } given)
        {
            return (given.DeepClone().AsObject(), request.Version);
        }
        var latest = await store.LatestAsync(request.UserId, request.Scope, ct) ?? throw new ContractBaseMissingException(request.UserId);
        return (JsonNode.Parse(latest.Json)!.AsObject(), latest.Version);
    }

    private (JsonObject Contract, string Path, string Explanation, IReadOnlyList<string>? Rules) Result(
        ModelAttempt attempt, GatewayContext context, JsonObject baseContract, ContractAnalytics used)
    {
        if (attempt.Contract is { } revised)
        {
            return (revised, ContractPaths.OfProviderType(ProviderType(context)), attempt.Explanation!, null);
        }
        var why = attempt.Offline
            ? "The offline provider answered (no LLM provider is configured), and it cannot revise a contract."
            : attempt.CircuitOpen
                ? "The model was not asked: the contract generation circuit is open after repeated failures."
                : $"The model's answer could not be used ({Cut(attempt.Error?.Message, 500)}).";
        if (HeuristicOptimizer.Apply(baseContract, used) is { } heuristic && ContractSchema.Validate(heuristic.Contract).Count == 0)
        {
            var path = attempt.Offline ? ContractPaths.Offline : ContractPaths.Heuristic;
            return (heuristic.Contract, path, Cut($"{why} Deterministic rules applied: {string.Join("; ", heuristic.Rules)}.", ContractAnswer.MaxExplanationChars)!,
                heuristic.Rules);
        }
        var unchanged = used.PainPoints.Count == 0
            ? "the user has no pain points"
            : "no rule applies to the components the pain points name";
        return (baseContract.DeepClone().AsObject(), ContractPaths.Safe, $"{why} The base contract is returned unchanged: {unchanged}.", []);
    }

    /// <summary>The type of the provider that answered (the router may have fallen back to another than the model's own).</summary>
    private string ProviderType(GatewayContext context) =>
        context.Provider is { } name && gateway.Providers.Find(name) is { } provider ? provider.Type : Gateway.Providers.ProviderTypes.OpenAI;

    /// <summary>The base's meta (its description and whatever else it carries) with this generation's fields over it.</summary>
    private static JsonObject Meta(
        JsonObject baseContract, string path, string? model, string explanation, ContractAnalytics used, IReadOnlyList<string>? rules)
    {
        var meta = baseContract["meta"] is JsonObject existing ? existing.DeepClone().AsObject() : new JsonObject();
        meta["optimizedBy"] = path;
        meta["optimizedByModel"] = model;
        meta["optimizationExplanation"] = explanation;
        meta["analytics"] = JsonSerializer.SerializeToNode(used, Json);
        meta.Remove("appliedRules");
        if (rules is not null)
        {
            meta["appliedRules"] = new JsonArray([.. rules.Select(r => (JsonNode?)JsonValue.Create(r))]);
        }
        return meta;
    }

    private static Task Report(Func<int, Task>? progress, int percent) => progress?.Invoke(percent) ?? Task.CompletedTask;

    private static string? Cut(string? text, int max) => text is null || text.Length <= max ? text : text[..max];
}
