using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Platform.Core.Contracts;

/// <summary>What a queued generation (job kind contract.generate) runs: the request as the Api validated it.</summary>
public sealed record ContractJobPayload
{
    public const string Kind = "contract.generate";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public required string UserId { get; init; }
    public JsonObject? BaseContract { get; init; }
    public string? Version { get; init; }
    public string? Model { get; init; }

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static ContractJobPayload? Parse(string json)
    {
        try
        {
            return JsonSerializer.Deserialize<ContractJobPayload>(json, Json);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
