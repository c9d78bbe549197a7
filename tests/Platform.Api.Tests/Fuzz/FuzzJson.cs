using System.Collections;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Platform.Api.Tests.Fuzz;

/// <summary>
/// A plausible JSON body for a request type, built from its constructor (records) so that it follows the contract
/// as it changes: the mutations then start from something the binder nearly accepts and reach the handlers.
/// </summary>
internal static class FuzzJson
{
    public static JsonNode? Plausible(Type type, Random random, int depth = 0)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (depth > 4)
        {
            return null;
        }
        if (type == typeof(string))
        {
            return random.Pick(FuzzValues.PlausibleStrings);
        }
        if (type == typeof(bool))
        {
            return random.Next(2) == 0;
        }
        if (type == typeof(int) || type == typeof(long))
        {
            return random.Next(1, 6);
        }
        if (type == typeof(float) || type == typeof(double) || type == typeof(decimal))
        {
            return Math.Round(random.NextDouble() * 2, 2);
        }
        if (type == typeof(DateTimeOffset) || type == typeof(DateTime))
        {
            return DateTimeOffset.UtcNow.AddMinutes(random.Next(-5, 5)).ToString("O");
        }
        if (type == typeof(Guid))
        {
            return Guid.NewGuid().ToString();
        }
        if (type.IsEnum)
        {
            var names = Enum.GetNames(type);
            return JsonNamingPolicy.CamelCase.ConvertName(names[random.Next(names.Length)]);
        }
        if (type == typeof(JsonObject) || type == typeof(JsonElement) || type == typeof(JsonNode))
        {
            return type == typeof(JsonElement) ? ChatCompletion(random) : new JsonObject { ["name"] = "Ada", ["items"] = new JsonArray(1, "two", new JsonObject { ["x"] = null }) };
        }
        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Dictionary<,>))
        {
            return new JsonObject { ["k"] = Plausible(type.GetGenericArguments()[1], random, depth + 1) };
        }
        if (typeof(IEnumerable).IsAssignableFrom(type))
        {
            var element = type.IsArray ? type.GetElementType()! : type.GetGenericArguments().FirstOrDefault() ?? typeof(string);
            var array = new JsonArray();
            for (var i = random.Next(1, 4); i > 0; i--)
            {
                array.Add(Plausible(element, random, depth + 1));
            }
            return array;
        }
        var constructor = type.GetConstructors().OrderByDescending(c => c.GetParameters().Length).FirstOrDefault();
        var body = new JsonObject();
        foreach (var parameter in constructor?.GetParameters() ?? [])
        {
            if (!parameter.HasDefaultValue || random.Next(3) > 0)
            {
                body[JsonNamingPolicy.CamelCase.ConvertName(parameter.Name!)] = Hint(parameter, random) ?? Plausible(parameter.ParameterType, random, depth + 1);
            }
        }
        return body;
    }

    /// <summary>Values that pass validation for fields whose strings have a meaning, so handlers get past it.</summary>
    private static JsonNode? Hint(ParameterInfo parameter, Random random) => (parameter.Name, parameter.ParameterType == typeof(string)) switch
    {
        ("email", true) => $"fuzz-{random.Next(1_000_000)}@example.com",
        ("role", true) => random.Pick(["user", "system", "assistant"]),
        ("feedback", true) => random.Pick(["thumbs_up", "thumbs_down", "none"]),
        ("model", true) => random.Next(2) == 0 ? null : "offline-1",
        ("provider", true) => null,
        ("responseFormat", true) => random.Pick(["text", "json"]),
        _ => null,
    };

    private static JsonObject ChatCompletion(Random random) => new()
    {
        ["model"] = "offline-1",
        ["messages"] = new JsonArray(new JsonObject { ["role"] = "user", ["content"] = random.Pick(FuzzValues.PlausibleStrings) }),
        ["stream"] = random.Next(4) == 0,
        ["temperature"] = 0.5,
    };

    /// <summary>Every value in the tree with a way to replace it (the root excluded).</summary>
    public static List<(JsonNode Parent, string? Key, int Index)> Slots(JsonNode root)
    {
        var slots = new List<(JsonNode, string?, int)>();
        Walk(root);
        return slots;

        void Walk(JsonNode node)
        {
            if (node is JsonObject obj)
            {
                foreach (var (key, child) in obj.ToList())
                {
                    slots.Add((obj, key, -1));
                    if (child is not null)
                    {
                        Walk(child);
                    }
                }
            }
            else if (node is JsonArray array)
            {
                for (var i = 0; i < array.Count; i++)
                {
                    slots.Add((array, null, i));
                    if (array[i] is { } child)
                    {
                        Walk(child);
                    }
                }
            }
        }
    }

    public static void Replace((JsonNode Parent, string? Key, int Index) slot, JsonNode? value)
    {
        if (slot.Parent is JsonObject obj)
        {
            obj[slot.Key!] = value;
        }
        else
        {
            ((JsonArray)slot.Parent)[slot.Index] = value;
        }
    }
}
