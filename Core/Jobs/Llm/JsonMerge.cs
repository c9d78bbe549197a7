using System.Text.Json.Nodes;

namespace Platform.Core.Jobs.Llm;

/// <summary>Regenerate's context: the overrides merged over the original, objects key by key, anything else replaced.</summary>
public static class JsonMerge
{
    public static JsonObject? Merge(JsonObject? original, JsonObject? overrides)
    {
        if (overrides is null)
        {
            return original?.DeepClone().AsObject();
        }
        var merged = original?.DeepClone().AsObject() ?? [];
        foreach (var (key, value) in overrides)
        {
            merged[key] = value is JsonObject child && merged[key] is JsonObject existing
                ? Merge(existing, child)
                : value?.DeepClone();
        }
        return merged;
    }
}
