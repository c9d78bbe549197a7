using System.Text;
using System.Text.Json;
using System.Text.Unicode;
using Platform.Core.Data;

namespace Platform.Api.Infrastructure;

/// <summary>
/// Finds the first string (value or field name) in a JSON document that the databases cannot store: invalid
/// UTF-8, an unpaired surrogate (escaped as \uD800) or a NUL. Malformed JSON is not its concern: it reports
/// nothing and leaves the body binder to name the syntax error.
/// </summary>
internal static class JsonTextScanner
{
    public const string Message = "must be valid Unicode text without NUL characters (U+0000) or unpaired surrogates.";

    public static string? FindUnstorable(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Disallow });
        var path = new List<Frame>();
        try
        {
            while (reader.Read())
            {
                var top = path.Count > 0 ? path[^1] : null;
                if (reader.TokenType is JsonTokenType.PropertyName)
                {
                    if (!IsStorable(ref reader))
                    {
                        // The object holding the bad name is the field to report, not its previous member.
                        top!.Property = null;
                        return Describe(path) is { Length: > 0 } parent ? parent : "body";
                    }
                    top!.Property = reader.GetString();
                    continue;
                }
                if (top is { IsArray: true } && reader.TokenType is not (JsonTokenType.EndArray or JsonTokenType.EndObject))
                {
                    top.Index++;
                }
                switch (reader.TokenType)
                {
                    case JsonTokenType.StartObject or JsonTokenType.StartArray:
                        path.Add(new Frame(reader.TokenType == JsonTokenType.StartArray));
                        break;
                    case JsonTokenType.EndObject or JsonTokenType.EndArray:
                        path.RemoveAt(path.Count - 1);
                        break;
                    case JsonTokenType.String when !IsStorable(ref reader):
                        return Describe(path) is { Length: > 0 } field ? field : "body";
                }
            }
        }
        catch (JsonException)
        {
            return null;
        }
        return null;
    }

    private static bool IsStorable(ref Utf8JsonReader reader)
    {
        // Unescaped JSON strings cannot hold a raw NUL (control characters must be escaped), so valid UTF-8 is enough.
        if (!reader.ValueIsEscaped && !reader.HasValueSequence)
        {
            return Utf8.IsValid(reader.ValueSpan);
        }
        try
        {
            return StorableText.IsStorable(reader.GetString());
        }
        catch (InvalidOperationException)
        {
            // System.Text.Json refuses to decode invalid UTF-8 and unpaired escaped surrogates.
            return false;
        }
    }

    private static string Describe(List<Frame> path)
    {
        var builder = new StringBuilder();
        foreach (var frame in path)
        {
            if (frame.IsArray && frame.Index >= 0)
            {
                builder.Append('[').Append(frame.Index).Append(']');
            }
            else if (!frame.IsArray && frame.Property is { } property)
            {
                builder.Append(builder.Length > 0 ? "." : "").Append(property);
            }
        }
        return builder.ToString();
    }

    private sealed class Frame(bool isArray)
    {
        public bool IsArray { get; } = isArray;
        public int Index { get; set; } = -1;
        public string? Property { get; set; }
    }
}
