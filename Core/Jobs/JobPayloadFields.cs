using System.Text.Json;

namespace Platform.Core.Jobs;

/// <summary>The payload fields every log line and list names (template, model), read without knowing the job's kind.</summary>
public static class JobPayloadFields
{
    public static string? Template(Job job) => Read(job.PayloadJson, "template");

    public static string? Model(Job job) => Read(job.PayloadJson, "model");

    private static string? Read(string json, string name)
    {
        if (json.Length <= 2 || !json.Contains(name, StringComparison.Ordinal))
        {
            return null;
        }
        try
        {
            using var document = JsonDocument.Parse(json);
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
                ? value.GetString()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
