using System.Text.Json.Nodes;

namespace Platform.Core.Contracts;

/// <summary>Walks a contract's pages and components (nested ones of forms, cards, lists and modals included).</summary>
public static class ContractDocument
{
    public static JsonObject? Pages(JsonObject contract) => contract["pagesUI"]?["pages"] as JsonObject;

    /// <summary>Every component of a page, depth first, with its parent array.</summary>
    public static IEnumerable<(JsonObject Component, JsonArray Parent)> Components(JsonObject page)
    {
        if (page["components"] is not JsonArray components)
        {
            yield break;
        }
        foreach (var item in Walk(components))
        {
            yield return item;
        }
    }

    public static string? Id(JsonObject component) => component["id"] is JsonValue value && value.TryGetValue<string>(out var id) ? id : null;

    public static string? Type(JsonObject component) => component["type"] is JsonValue value && value.TryGetValue<string>(out var type) ? type : null;

    public static string? Text(JsonObject component, string property) =>
        component[property] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    private static IEnumerable<(JsonObject, JsonArray)> Walk(JsonArray components)
    {
        foreach (var node in components.ToList())
        {
            if (node is not JsonObject component)
            {
                continue;
            }
            yield return (component, components);
            if (component["components"] is JsonArray children)
            {
                foreach (var child in Walk(children))
                {
                    yield return child;
                }
            }
        }
    }
}
