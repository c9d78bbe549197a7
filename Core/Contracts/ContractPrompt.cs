using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.AI;

namespace Platform.Core.Contracts;

/// <summary>
/// The messages of one generation: the schema as guardrails (system), then the user's analytics, the contract's
/// description and the affected part of it (user). The model answers one JSON object {contract, explanation}.
/// </summary>
public static class ContractPrompt
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static readonly string SystemText = $"""
        You revise the UI contract of one end user's screens so that the problems measured in their behaviour go away.
        Answer with one JSON object and nothing else: {"{"}"contract": {"{"}"pagesUI": {"{"}"pages": {"{"}"<pageId>": {"{"}"components": [...]{"}"}{"}"}{"}"}{"}"}, "explanation": "<why each change helps>"{"}"}.
        In "contract" return only the components you changed or added, on their pages; a component you return replaces the one
        with the same id, a new id is added to its page, everything you do not return stays as it is.
        Every component must satisfy this JSON Schema (draft 2020-12). Do not invent fields, component types or pages outside it:
        {ContractSchema.CompactText}
        """;

    public static IList<ChatMessage> Messages(ContractAnalytics analytics, JsonObject baseContract) =>
    [
        new(ChatRole.System, SystemText),
        new(ChatRole.User, User(analytics, baseContract)),
    ];

    public static string User(ContractAnalytics analytics, JsonObject baseContract)
    {
        var description = baseContract["meta"]?["description"] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
        var focus = ContractFocus.Select(baseContract, analytics.AffectedIds());
        var prompt = new StringBuilder();
        prompt.AppendLine("What the contract is for: " + (string.IsNullOrWhiteSpace(description) ? "(no description)" : description));
        prompt.AppendLine("eventTypeDistribution: " + JsonSerializer.Serialize(analytics.EventTypeDistribution, Json));
        prompt.AppendLine("errorRate: " + analytics.ErrorRate.ToString("0.####", CultureInfo.InvariantCulture));
        prompt.AppendLine("painPoints: " + JsonSerializer.Serialize(analytics.PainPoints, Json));
        prompt.AppendLine("hotspots: " + JsonSerializer.Serialize(analytics.Hotspots, Json));
        prompt.AppendLine("The affected pages and components of the current contract (the rest is not shown):");
        prompt.Append(focus.ToJsonString());
        return prompt.ToString();
    }
}
