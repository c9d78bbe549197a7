using System.Text.Json.Nodes;

namespace Platform.Core.Contracts;

/// <summary>Applies the model's changed components to a copy of the base contract (the model only saw the affected part).</summary>
public static class ContractMerge
{
    public static JsonObject Apply(JsonObject baseContract, JsonObject changes)
    {
        var merged = baseContract.DeepClone().AsObject();
        if (ContractDocument.Pages(changes) is not { } changedPages)
        {
            throw new ContractOutputException("The model's contract has no pagesUI.pages object.");
        }
        var pages = ContractDocument.Pages(merged) ?? throw new ContractOutputException("The base contract has no pagesUI.pages object.");
        foreach (var (pageId, node) in changedPages)
        {
            if (node?["components"] is not JsonArray components)
            {
                throw new ContractOutputException($"The model's page '{pageId}' has no components array.");
            }
            if (pages[pageId] is not JsonObject page)
            {
                pages[pageId] = node.DeepClone();
                continue;
            }
            foreach (var changed in components.OfType<JsonObject>())
            {
                Replace(page, changed);
            }
        }
        return merged;
    }

    private static void Replace(JsonObject page, JsonObject changed)
    {
        var id = ContractDocument.Id(changed);
        var existing = ContractDocument.Components(page).FirstOrDefault(c => id is not null && ContractDocument.Id(c.Component) == id);
        if (existing.Component is null)
        {
            ((page["components"] as JsonArray) ?? (JsonArray)(page["components"] = new JsonArray())).Add(changed.DeepClone());
            return;
        }
        // The prompt showed some components as bare {id, type}; echoed back unchanged they must not wipe the real one.
        if (changed.Count <= 2 && ContractDocument.Type(changed) == ContractDocument.Type(existing.Component))
        {
            return;
        }
        var index = existing.Parent.IndexOf(existing.Component);
        existing.Parent[index] = changed.DeepClone();
    }
}
