using System.Text.Json;
using Platform.Api.Infrastructure;

namespace Platform.Api.Gateway.OpenAI;

/// <summary>Typed reads of optional JSON properties that record a field error instead of throwing.</summary>
internal static class OpenAIJson
{
    public static string? String(JsonElement obj, string name, Validation v, string? field = null)
    {
        if (!obj.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }
        v.Require(value.ValueKind == JsonValueKind.String, field ?? name, "must be a string.");
        return value.ValueKind == JsonValueKind.String ? value.GetString() : null;
    }

    public static bool? Bool(JsonElement obj, string name, Validation v)
    {
        if (!obj.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }
        v.Require(value.ValueKind is JsonValueKind.True or JsonValueKind.False, name, "must be true or false.");
        return value.ValueKind == JsonValueKind.True;
    }

    public static double? Number(JsonElement obj, string name, Validation v, double min, double max)
    {
        if (!obj.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }
        if (value.ValueKind != JsonValueKind.Number)
        {
            v.Require(false, name, "must be a number.");
            return null;
        }
        var number = value.GetDouble();
        v.Require(number >= min && number <= max, name, $"must be between {min} and {max}.");
        return number;
    }
}
