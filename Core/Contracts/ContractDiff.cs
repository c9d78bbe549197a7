using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Platform.Core.Contracts;

/// <summary>One difference between two contract versions, at a JSON Pointer (RFC 6901) into the contract.</summary>
public sealed record ContractChange(
    string Op,
    string Path,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] JsonNode? OldValue,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] JsonNode? NewValue);

/// <summary>
/// A structural diff of two JSON documents: objects by key, arrays of components by their id (so a component inserted
/// first is one "add", not a "replace" of every one after it), other arrays by index.
/// </summary>
public static class ContractDiff
{
    public static IReadOnlyList<ContractChange> Compare(JsonNode? from, JsonNode? to)
    {
        var changes = new List<ContractChange>();
        Compare(from, to, "", changes);
        return changes;
    }

    private static void Compare(JsonNode? from, JsonNode? to, string path, List<ContractChange> changes)
    {
        switch (from, to)
        {
            case (JsonObject a, JsonObject b):
                foreach (var (key, value) in a)
                {
                    if (!b.ContainsKey(key))
                    {
                        changes.Add(new("remove", Child(path, key), value?.DeepClone(), null));
                    }
                }
                foreach (var (key, value) in b)
                {
                    if (a.TryGetPropertyValue(key, out var old))
                    {
                        Compare(old, value, Child(path, key), changes);
                    }
                    else
                    {
                        changes.Add(new("add", Child(path, key), null, value?.DeepClone()));
                    }
                }
                break;
            case (JsonArray a, JsonArray b) when Ids(a) is { } oldIds && Ids(b) is { } newIds:
                var oldIndex = oldIds.Select((id, i) => (id, i)).ToDictionary(p => p.id, p => p.i, StringComparer.Ordinal);
                var newSet = newIds.ToHashSet(StringComparer.Ordinal);
                for (var i = 0; i < a.Count; i++)
                {
                    if (!newSet.Contains(oldIds[i]))
                    {
                        changes.Add(new("remove", Child(path, i), a[i]?.DeepClone(), null));
                    }
                }
                for (var j = 0; j < b.Count; j++)
                {
                    if (oldIndex.TryGetValue(newIds[j], out var i))
                    {
                        Compare(a[i], b[j], Child(path, j), changes);
                    }
                    else
                    {
                        changes.Add(new("add", Child(path, j), null, b[j]?.DeepClone()));
                    }
                }
                break;
            case (JsonArray a, JsonArray b):
                for (var i = 0; i < Math.Min(a.Count, b.Count); i++)
                {
                    Compare(a[i], b[i], Child(path, i), changes);
                }
                for (var i = b.Count; i < a.Count; i++)
                {
                    changes.Add(new("remove", Child(path, i), a[i]?.DeepClone(), null));
                }
                for (var i = a.Count; i < b.Count; i++)
                {
                    changes.Add(new("add", Child(path, i), null, b[i]?.DeepClone()));
                }
                break;
            default:
                if (!JsonNode.DeepEquals(from, to))
                {
                    changes.Add(new("replace", path, from?.DeepClone(), to?.DeepClone()));
                }
                break;
        }
    }

    /// <summary>Each item's id, when every item is an object with a distinct string id; otherwise null.</summary>
    private static string[]? Ids(JsonArray array)
    {
        var ids = new string[array.Count];
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < array.Count; i++)
        {
            if (array[i] is not JsonObject item || ContractDocument.Id(item) is not { } id || !seen.Add(id))
            {
                return null;
            }
            ids[i] = id;
        }
        return array.Count == 0 ? null : ids;
    }

    private static string Child(string path, string key) => path + "/" + key.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);

    private static string Child(string path, int index) => path + "/" + index.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
