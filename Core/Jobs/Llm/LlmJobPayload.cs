using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Platform.Core.Jobs.Llm;

/// <summary>What an LLM job runs: a template filled from a context, sent to a model, its answer read in a format.</summary>
public sealed record LlmJobPayload
{
    public const string Kind = "llm";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public required string Template { get; init; }
    public string? Model { get; init; }
    public JsonObject? Context { get; init; }
    public OutputFormat Format { get; init; } = OutputFormat.Text;

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <summary>Null when the payload is not an LLM job's (or was written by something else).</summary>
    public static LlmJobPayload? Parse(string json)
    {
        try
        {
            return JsonSerializer.Deserialize<LlmJobPayload>(json, Json);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public static string FormatName(OutputFormat format) => format.ToString().ToLowerInvariant();
}
