using System.Globalization;
using System.Text.Json.Nodes;
using Platform.Core.Analytics;

namespace Platform.Core.Contracts;

/// <summary>
/// The deterministic fallback: one fix per pain point whose component (or page) the contract has. Rage clicks get a
/// clearer label and a disabled-while-submitting state, error patterns an inline validation hint, abandoned forms fewer
/// required fields, long dwell a help text. Null when no rule applies.
/// </summary>
public static class HeuristicOptimizer
{
    private static readonly HashSet<string> GenericLabels = new(["", "ok", "go", "submit", "send", "click", "click here", "next", "continue"], StringComparer.OrdinalIgnoreCase);

    public static (JsonObject Contract, IReadOnlyList<string> Rules)? Apply(JsonObject baseContract, ContractAnalytics analytics)
    {
        var contract = baseContract.DeepClone().AsObject();
        var rules = new List<string>();
        foreach (var pain in analytics.PainPoints)
        {
            if (pain.ComponentId is not { } id)
            {
                continue;
            }
            var rule = pain.Type switch
            {
                PainPointTypes.RageClick => Each(contract, id, RageClick),
                PainPointTypes.ErrorPattern => Each(contract, id, c => ErrorPattern(c, Message(analytics, id))),
                PainPointTypes.FormAbandonment => Each(contract, id, FormAbandonment),
                PainPointTypes.LongDwell => Each(contract, id, LongDwell) ?? PageHelp(contract, id),
                _ => null,
            };
            if (rule is not null && !rules.Contains($"{pain.Type} {id}: {rule}"))
            {
                rules.Add($"{pain.Type} {id}: {rule}");
            }
        }
        return rules.Count == 0 ? null : (contract, rules);
    }

    private static string? Each(JsonObject contract, string id, Func<JsonObject, string?> fix)
    {
        string? applied = null;
        foreach (var (_, node) in ContractDocument.Pages(contract) ?? [])
        {
            if (node is not JsonObject page)
            {
                continue;
            }
            foreach (var (component, _) in ContractDocument.Components(page).Where(c => ContractDocument.Id(c.Component) == id).ToList())
            {
                applied = fix(component) ?? applied;
            }
        }
        return applied;
    }

    private static string? RageClick(JsonObject component)
    {
        var label = ContractDocument.Text(component, "label");
        var changes = new List<string>();
        if (GenericLabels.Contains(label?.Trim() ?? ""))
        {
            component["label"] = Humanize(ContractDocument.Id(component)!);
            changes.Add("clearer label");
        }
        if (ContractDocument.Type(component) is "button" or "form")
        {
            component["disabledWhileSubmitting"] = true;
            changes.Add("disabled while submitting");
            if (ContractDocument.Type(component) == "button" && component["loadingLabel"] is null)
            {
                component["loadingLabel"] = "Working…";
            }
        }
        else if (component["helpText"] is null)
        {
            component["helpText"] = "This responds to a single click; please wait for it.";
            changes.Add("help text");
        }
        return changes.Count == 0 ? null : string.Join(", ", changes);
    }

    private static string? ErrorPattern(JsonObject component, string? message)
    {
        var hint = Cut("Check this field" + (message is null ? "." : ": " + message), 300);
        switch (ContractDocument.Type(component))
        {
            case "input" or "textarea" or "select":
                component["inlineValidation"] = true;
                component["validationHint"] = hint;
                return "inline validation hint";
            case "checkbox":
                component["validationHint"] = hint;
                return "inline validation hint";
            case "form":
                component["validateOnBlur"] = true;
                return "validation on blur";
            default:
                component["helpText"] = Cut(message is null ? "This often fails; see the hint before retrying." : "Known problem: " + message, 500);
                return "help text";
        }
    }

    private static string? FormAbandonment(JsonObject component)
    {
        switch (ContractDocument.Type(component))
        {
            case "form":
                var changed = false;
                if (component["requiredFields"] is JsonArray { Count: > 1 } required)
                {
                    // Keep the first required field (usually the one the form exists for); the rest become optional.
                    while (required.Count > 1)
                    {
                        required.RemoveAt(required.Count - 1);
                    }
                    changed = true;
                }
                var requiredInputs = ContractDocument.Components(component).Where(c => c.Component["required"] is JsonValue v && v.TryGetValue<bool>(out var r) && r).Skip(1).ToList();
                foreach (var (input, _) in requiredInputs)
                {
                    input["required"] = false;
                    changed = true;
                }
                return changed ? "fewer required fields" : null;
            case "input" or "textarea" or "select" or "checkbox" when component["required"] is JsonValue value && value.TryGetValue<bool>(out var isRequired) && isRequired:
                component["required"] = false;
                return "field made optional";
            default:
                return null;
        }
    }

    private static string? LongDwell(JsonObject component)
    {
        if (component["helpText"] is not null)
        {
            return null;
        }
        component["helpText"] = Cut($"Need help with {Humanize(ContractDocument.Id(component)!).ToLowerInvariant()}? Here is what to do next.", 500);
        return "help text";
    }

    /// <summary>Long dwell on a page: a help component first on it.</summary>
    private static string? PageHelp(JsonObject contract, string pageId)
    {
        if (ContractDocument.Pages(contract)?[pageId] is not JsonObject page || page["components"] is not JsonArray components)
        {
            return null;
        }
        var helpId = Cut("help-" + pageId, 100);
        if (components.OfType<JsonObject>().Any(c => ContractDocument.Id(c) == helpId))
        {
            return null;
        }
        components.Insert(0, new JsonObject
        {
            ["id"] = helpId, ["type"] = "help", ["text"] = Cut($"Need help on {Humanize(pageId).ToLowerInvariant()}? Here is what to do next.", 2000),
        });
        return "help text";
    }

    private static string? Message(ContractAnalytics analytics, string id) =>
        analytics.Hotspots.Where(h => h.ComponentId == id && !string.IsNullOrWhiteSpace(h.Message)).OrderByDescending(h => h.Errors).FirstOrDefault()?.Message;

    /// <summary>"checkout-pay_button" -> "Checkout pay button".</summary>
    internal static string Humanize(string id)
    {
        var words = string.Join(' ', id.Split(['-', '_', '.', ':'], StringSplitOptions.RemoveEmptyEntries));
        return Cut(words.Length == 0 ? id : char.ToUpper(words[0], CultureInfo.InvariantCulture) + words[1..], 200);
    }

    private static string Cut(string text, int max) => text.Length <= max ? text : text[..max];
}
