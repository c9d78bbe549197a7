using System.Text.Json;
using System.Text.Json.Nodes;

namespace Platform.Core.Contracts;

/// <summary>What the model answered: the changed part of the contract and why. Anything else is a <see cref="ContractOutputException"/>.</summary>
public sealed record ContractAnswer(JsonObject Contract, string Explanation)
{
    public const int MaxExplanationChars = 8000;

    public static ContractAnswer Parse(string? text)
    {
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(Unfence(text ?? ""));
        }
        catch (JsonException e)
        {
            throw new ContractOutputException($"The model's answer is not valid JSON: {e.Message}");
        }
        if (node is not JsonObject answer || answer["contract"] is not JsonObject contract)
        {
            throw new ContractOutputException("The model's answer has no \"contract\" object.");
        }
        var explanation = answer["explanation"] is JsonValue value && value.TryGetValue<string>(out var why) && !string.IsNullOrWhiteSpace(why)
            ? why.Trim()
            : throw new ContractOutputException("The model's answer has no \"explanation\" text.");
        answer.Remove("contract");
        return new ContractAnswer(contract, explanation.Length > MaxExplanationChars ? explanation[..MaxExplanationChars] : explanation);
    }

    /// <summary>Models asked for JSON still wrap it in a ```json fence now and then.</summary>
    private static string Unfence(string text)
    {
        var trimmed = text.Trim();
        if (!trimmed.StartsWith("```", StringComparison.Ordinal))
        {
            return trimmed;
        }
        var start = trimmed.IndexOf('\n');
        var end = trimmed.LastIndexOf("```", StringComparison.Ordinal);
        return start > 0 && end > start ? trimmed[(start + 1)..end] : trimmed;
    }
}

/// <summary>The model answered, but not with a usable contract: counts as a failure of the generation path.</summary>
public sealed class ContractOutputException(string message) : Exception(message);
