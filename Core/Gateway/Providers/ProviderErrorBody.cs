using System.Text.Json;

namespace Platform.Core.Gateway.Providers;

/// <summary>Pulls the human message out of a provider's error body ({"error":{"message":...}} for OpenAI and Anthropic alike).</summary>
internal static class ProviderErrorBody
{
    private const int MaxRawLength = 500;

    public static string Message(string? body, string fallback)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return fallback;
        }

        try
        {
            using var doc = JsonDocument.Parse(body);
            var root = doc.RootElement;
            if (root.ValueKind == JsonValueKind.Array && root.GetArrayLength() > 0)
            {
                // Gemini's OpenAI-compatible endpoint sometimes wraps the error object in an array.
                root = root[0];
            }

            if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("error", out var error))
            {
                if (error.ValueKind == JsonValueKind.String)
                {
                    return error.GetString() ?? fallback;
                }

                if (error.ValueKind == JsonValueKind.Object && error.TryGetProperty("message", out var message)
                    && message.ValueKind == JsonValueKind.String)
                {
                    return message.GetString() ?? fallback;
                }
            }
        }
        catch (JsonException)
        {
            // Not JSON (a proxy's HTML page, say): fall through to the raw text.
        }

        var raw = body.Trim();
        return raw.Length <= MaxRawLength ? raw : raw[..MaxRawLength] + "…";
    }
}
