using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Platform.Testing.FakeLlm;

/// <summary>Reads both wire formats leniently: unknown fields are ignored, wrong shapes read as absent.</summary>
internal static class FakeRequestReader
{
    public static async Task<FakeLlmRequest> ReadAsync(HttpContext http, FakeLlmApi api)
    {
        using var reader = new StreamReader(http.Request.Body);
        var body = await reader.ReadToEndAsync(http.RequestAborted).ConfigureAwait(false);
        var request = new FakeLlmRequest
        {
            Api = api,
            Path = http.Request.Path.Value ?? "",
            Body = body,
            Headers = http.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase),
        };
        if (api is FakeLlmApi.Models)
        {
            return request;
        }

        try
        {
            using var json = JsonDocument.Parse(body);
            var root = json.RootElement;
            if (root.ValueKind is not JsonValueKind.Object)
            {
                return request with { ParseError = "The body must be a JSON object." };
            }

            return api is FakeLlmApi.OpenAIChat ? OpenAI(request, root) : Anthropic(request, root);
        }
        catch (JsonException e)
        {
            return request with { ParseError = "The body is not valid JSON: " + e.Message };
        }
    }

    private static FakeLlmRequest OpenAI(FakeLlmRequest request, JsonElement root) => request with
    {
        Model = String(root, "model"),
        Messages = Messages(root),
        Stream = Bool(root, "stream"),
        IncludeUsage = root.TryGetProperty("stream_options", out var options) && Bool(options, "include_usage"),
        ResponseFormat = root.TryGetProperty("response_format", out var format) ? String(format, "type") : null,
        MaxTokens = Int(root, "max_completion_tokens") ?? Int(root, "max_tokens"),
        Temperature = Double(root, "temperature"),
        StopSequences = Strings(root, "stop"),
    };

    private static FakeLlmRequest Anthropic(FakeLlmRequest request, JsonElement root)
    {
        var system = root.TryGetProperty("system", out var s) ? Text(s) : "";
        var messages = Messages(root);
        return request with
        {
            Model = String(root, "model"),
            Messages = system.Length > 0 ? [new FakeMessage("system", system), .. messages] : messages,
            Stream = Bool(root, "stream"),
            MaxTokens = Int(root, "max_tokens"),
            Temperature = Double(root, "temperature"),
            StopSequences = Strings(root, "stop_sequences"),
        };
    }

    private static List<FakeMessage> Messages(JsonElement root) =>
        root.TryGetProperty("messages", out var messages) && messages.ValueKind is JsonValueKind.Array
            ? messages.EnumerateArray()
                .Where(m => m.ValueKind is JsonValueKind.Object)
                .Select(m => new FakeMessage(String(m, "role") ?? "", m.TryGetProperty("content", out var c) ? Text(c) : ""))
                .ToList()
            : [];

    /// <summary>A string, or the text parts of a content array (OpenAI's and Anthropic's share this shape).</summary>
    private static string Text(JsonElement content) => content.ValueKind switch
    {
        JsonValueKind.String => content.GetString() ?? "",
        JsonValueKind.Array => string.Join("\n", content.EnumerateArray()
            .Where(p => p.ValueKind is JsonValueKind.Object && String(p, "type") == "text")
            .Select(p => String(p, "text") ?? "")),
        _ => "",
    };

    private static string? String(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind is JsonValueKind.String ? v.GetString() : null;

    private static bool Bool(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind is JsonValueKind.True;

    private static int? Int(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind is JsonValueKind.Number && v.TryGetInt32(out var i) ? i : null;

    private static double? Double(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind is JsonValueKind.Number ? v.GetDouble() : null;

    private static List<string> Strings(JsonElement e, string name) =>
        !e.TryGetProperty(name, out var v) ? []
        : v.ValueKind is JsonValueKind.String ? [v.GetString()!]
        : v.ValueKind is JsonValueKind.Array
            ? v.EnumerateArray().Where(x => x.ValueKind is JsonValueKind.String).Select(x => x.GetString()!).ToList()
            : [];
}
