using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;

namespace Platform.Core.Contracts;

/// <summary>
/// The JSON Schema (draft 2020-12) every stored contract satisfies, checked with JsonSchema.Net. One text serves the
/// API (GET /api/contracts/schema), the validation and the prompt's guardrails.
/// </summary>
public static class ContractSchema
{
    private const int MaxErrors = 20;

    /// <summary>The schema document as shipped (indented).</summary>
    public static string Text { get; } = Load();

    /// <summary>The same schema on one line, for the prompt.</summary>
    public static string CompactText { get; } = JsonNode.Parse(Text)!.ToJsonString();

    private static readonly JsonSchema Schema = JsonSchema.FromText(Text);

    private static readonly EvaluationOptions Options = new() { OutputFormat = OutputFormat.List };

    /// <summary>The schema's complaints, each "location: message" (at most 20); empty when the contract is valid.</summary>
    public static IReadOnlyList<string> Validate(JsonNode? contract)
    {
        using var document = JsonSerializer.SerializeToDocument(contract);
        var results = Schema.Evaluate(document.RootElement, Options);
        if (results.IsValid)
        {
            return [];
        }
        var errors = new List<string>();
        // A failed "if" only picks which "then" applies; it is no complaint about the contract.
        foreach (var detail in (results.Details ?? []).Prepend(results).Where(d => !d.EvaluationPath.ToString().Contains("/if", StringComparison.Ordinal)))
        {
            foreach (var (_, message) in detail.Errors ?? new Dictionary<string, string>())
            {
                var location = detail.InstanceLocation.ToString();
                errors.Add($"{(location.Length == 0 ? "/" : location)}: {message}");
                if (errors.Count == MaxErrors)
                {
                    return errors;
                }
            }
        }
        return errors.Count > 0 ? errors : ["/: does not match the contract schema."];
    }

    private static string Load()
    {
        using var stream = typeof(ContractSchema).Assembly.GetManifestResourceStream("Platform.Core.Contracts.ui-contract.schema.json")
            ?? throw new InvalidOperationException("The contract schema is not embedded in Platform.Core.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
