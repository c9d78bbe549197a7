using System.Text.Json;
using System.Text.Json.Serialization;

namespace Platform.Api.Infrastructure;

internal static class JsonDefaults
{
    /// <summary>Strict input: unknown fields, nulls for non-nullable members and missing required members are 400s.</summary>
    public static void Apply(JsonSerializerOptions options)
    {
        options.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
        options.RespectNullableAnnotations = true;
        options.RespectRequiredConstructorParameters = true;
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
    }
}
