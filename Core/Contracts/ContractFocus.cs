using System.Text.Json.Nodes;

namespace Platform.Core.Contracts;

/// <summary>
/// The part of a contract the model is shown: only the pages holding a component that a pain point or hotspot names
/// (with only those components), and pages named themselves (long dwell on a page), with their components' ids and
/// types. It keeps the model on what hurts and the prompt small.
/// </summary>
public static class ContractFocus
{
    public static JsonObject Select(JsonObject contract, IReadOnlySet<string> affected)
    {
        var pages = new JsonObject();
        foreach (var (pageId, node) in ContractDocument.Pages(contract) ?? [])
        {
            if (node is not JsonObject page)
            {
                continue;
            }
            var named = ContractDocument.Components(page)
                .Where(c => ContractDocument.Id(c.Component) is { } id && affected.Contains(id))
                .Select(c => c.Component.DeepClone())
                .ToList();
            if (affected.Contains(pageId))
            {
                // The whole page hurt: the model sees what is on it, not every property of it.
                var known = named.Select(c => ContractDocument.Id(c.AsObject())).ToHashSet(StringComparer.Ordinal);
                named.AddRange(ContractDocument.Components(page)
                    .Where(c => !known.Contains(ContractDocument.Id(c.Component)))
                    .Select(c => (JsonNode)new JsonObject { ["id"] = ContractDocument.Id(c.Component), ["type"] = ContractDocument.Type(c.Component) }));
            }
            if (named.Count > 0)
            {
                pages[pageId] = new JsonObject { ["components"] = new JsonArray([.. named]) };
            }
        }
        return new JsonObject { ["pagesUI"] = new JsonObject { ["pages"] = pages } };
    }
}
