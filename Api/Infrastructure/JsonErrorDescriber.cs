using System.Reflection;
using System.Text.Json;

namespace Platform.Api.Infrastructure;

/// <summary>Rewrites System.Text.Json's messages (which name CLR types) into field-level words a client can act on.</summary>
internal static class JsonErrorDescriber
{
    private const string MissingMarker = "missing required properties including: ";

    public static (string Field, string Message) Describe(JsonException json, Type? requestType)
    {
        var path = json.Path is { Length: > 1 } p ? p.TrimStart('$', '.') : "";
        var message = json.Message;

        if (message.Contains("could not be mapped to any .NET member", StringComparison.Ordinal))
        {
            return (path, "is not a known field of this request.");
        }
        var missing = message.IndexOf(MissingMarker, StringComparison.Ordinal);
        if (missing >= 0)
        {
            var names = message[(missing + MissingMarker.Length)..].Split(' ')[0].Trim('\'', '.', ',');
            return (names, "is required.");
        }
        if (message.Contains("could not be converted", StringComparison.Ordinal) && path.Length > 0)
        {
            return (path, ExpectedValue(requestType, path));
        }
        if (message.Contains("null", StringComparison.OrdinalIgnoreCase) && path.Length > 0)
        {
            return (path, "must not be null.");
        }
        return (path.Length > 0 ? path : "body", "is not valid JSON: " + Trim(message));
    }

    private static string ExpectedValue(Type? requestType, string path)
    {
        var property = requestType?.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .FirstOrDefault(p => string.Equals(p.Name, path, StringComparison.OrdinalIgnoreCase));
        var type = property is null ? null : Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
        return type switch
        {
            null => "has a value of the wrong type.",
            { IsEnum: true } => "must be one of: " + string.Join(", ", Enum.GetNames(type).Select(JsonNamingPolicy.CamelCase.ConvertName)) + ".",
            _ when type == typeof(string) => "must be a string.",
            _ when type == typeof(bool) => "must be true or false.",
            _ when type == typeof(Guid) => "must be a UUID.",
            _ when type == typeof(DateTime) || type == typeof(DateTimeOffset) => "must be an ISO 8601 date and time.",
            _ when type.IsPrimitive || type == typeof(decimal) => "must be a number.",
            _ => "has a value of the wrong type.",
        };
    }

    private static string Trim(string message)
    {
        var cut = message.IndexOf(" Path: ", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message;
    }
}
