using System.Text.Json;
using Microsoft.Extensions.AI;
using Platform.Api.Infrastructure;

namespace Platform.Api.Gateway.OpenAI;

/// <summary>
/// Reads the OpenAI chat completions body leniently (SDKs send fields we do not use) but precisely where it
/// matters: every field we act on is type-checked and named in the error when wrong.
/// </summary>
internal static class OpenAIRequestReader
{
    // Tool results are not listed: the gateway forwards no tools, so it could only drop them or fail at the provider.
    private static readonly Dictionary<string, ChatRole> Roles = new(StringComparer.Ordinal)
    {
        ["system"] = ChatRole.System, ["developer"] = ChatRole.System, ["user"] = ChatRole.User, ["assistant"] = ChatRole.Assistant,
    };

    public static (OpenAIRequest? Request, Validation Validation) Read(JsonElement body, int maxMessages)
    {
        var v = new Validation();
        if (body.ValueKind != JsonValueKind.Object)
        {
            v.Require(false, "body", "must be a JSON object.");
            return (null, v);
        }
        var options = new ChatOptions
        {
            ModelId = OpenAIJson.String(body, "model", v),
            Temperature = (float?)OpenAIJson.Number(body, "temperature", v, 0, 2),
            TopP = (float?)OpenAIJson.Number(body, "top_p", v, 0, 1),
            FrequencyPenalty = (float?)OpenAIJson.Number(body, "frequency_penalty", v, -2, 2),
            PresencePenalty = (float?)OpenAIJson.Number(body, "presence_penalty", v, -2, 2),
            MaxOutputTokens = (int?)(OpenAIJson.Number(body, "max_completion_tokens", v, 1, 1_000_000) ?? OpenAIJson.Number(body, "max_tokens", v, 1, 1_000_000)),
            Seed = (long?)OpenAIJson.Number(body, "seed", v, long.MinValue, long.MaxValue),
            StopSequences = Stop(body, v),
            ResponseFormat = Format(body, v),
        };
        v.Require(OpenAIJson.Number(body, "n", v, 1, 1) is null or 1, "n", "only n=1 is supported.");
        var stream = OpenAIJson.Bool(body, "stream", v) ?? false;
        var includeUsage = body.TryGetProperty("stream_options", out var so) && so.ValueKind == JsonValueKind.Object
            && (OpenAIJson.Bool(so, "include_usage", v) ?? false);
        var messages = Messages(body, maxMessages, v);
        var user = OpenAIJson.String(body, "user", v);
        return v.IsValid ? (new OpenAIRequest(messages, options, stream, includeUsage, user), v) : (null, v);
    }

    private static List<ChatMessage> Messages(JsonElement body, int maxMessages, Validation v)
    {
        var messages = new List<ChatMessage>();
        if (!body.TryGetProperty("messages", out var array) || array.ValueKind != JsonValueKind.Array || array.GetArrayLength() == 0)
        {
            v.Require(false, "messages", "must be a non-empty array.");
            return messages;
        }
        if (array.GetArrayLength() > maxMessages)
        {
            v.Require(false, "messages", ChatValidation.MessageCount(array.GetArrayLength(), maxMessages));
            return messages;
        }
        var i = 0;
        foreach (var message in array.EnumerateArray())
        {
            var field = $"messages[{i++}]";
            var role = message.ValueKind == JsonValueKind.Object ? OpenAIJson.String(message, "role", v, field + ".role") : null;
            if (role is null || !Roles.TryGetValue(role, out var chatRole))
            {
                v.Require(false, field + ".role", "must be one of: system, developer, user, assistant.");
                continue;
            }
            messages.Add(new ChatMessage(chatRole, Content(message, field, v)));
        }
        return messages;
    }

    private static string Content(JsonElement message, string field, Validation v)
    {
        if (!message.TryGetProperty("content", out var content) || content.ValueKind == JsonValueKind.Null)
        {
            return "";
        }
        if (content.ValueKind == JsonValueKind.String)
        {
            return content.GetString()!;
        }
        if (content.ValueKind == JsonValueKind.Array)
        {
            // Text parts only: the gateway does not forward images or audio yet.
            return string.Concat(content.EnumerateArray()
                .Where(p => p.ValueKind == JsonValueKind.Object && p.TryGetProperty("text", out var t) && t.ValueKind == JsonValueKind.String)
                .Select(p => p.GetProperty("text").GetString()));
        }
        v.Require(false, field + ".content", "must be a string or an array of text parts.");
        return "";
    }

    private static List<string>? Stop(JsonElement body, Validation v)
    {
        if (!body.TryGetProperty("stop", out var stop) || stop.ValueKind == JsonValueKind.Null)
        {
            return null;
        }
        if (stop.ValueKind == JsonValueKind.String)
        {
            return [stop.GetString()!];
        }
        if (stop.ValueKind == JsonValueKind.Array && stop.EnumerateArray().All(s => s.ValueKind == JsonValueKind.String))
        {
            return stop.EnumerateArray().Select(s => s.GetString()!).ToList();
        }
        v.Require(false, "stop", "must be a string or an array of strings.");
        return null;
    }

    private static ChatResponseFormat? Format(JsonElement body, Validation v)
    {
        if (!body.TryGetProperty("response_format", out var format) || format.ValueKind == JsonValueKind.Null)
        {
            return null;
        }
        var type = format.ValueKind == JsonValueKind.Object ? OpenAIJson.String(format, "type", v, "response_format.type") : null;
        switch (type)
        {
            case "text":
                return ChatResponseFormat.Text;
            case "json_object":
                return ChatResponseFormat.Json;
            case "json_schema" when format.TryGetProperty("json_schema", out var spec) && spec.TryGetProperty("schema", out var schema):
                return ChatResponseFormat.ForJsonSchema(schema.Clone(), OpenAIJson.String(spec, "name", v, "response_format.json_schema.name"));
            default:
                v.Require(false, "response_format.type", "must be text, json_object or json_schema (with json_schema.schema).");
                return null;
        }
    }
}
