using System.Text;
using System.Text.Json.Nodes;

namespace Platform.Api.Tests.Fuzz;

/// <summary>Request bodies: a plausible one for the endpoint's type, then (mostly) broken in one of many ways.</summary>
internal static class FuzzBodies
{
    /// <summary>Strings up to the largest limit an endpoint enforces (Llm:MaxRequestBytes is 1 MiB), a little over it.</summary>
    public const int HugeString = 1_100_000;

    public static byte[] Create(FuzzEndpoint endpoint, Random random)
    {
        var root = endpoint.RequestType is { } type ? FuzzJson.Plausible(type, random) ?? new JsonObject() : new JsonObject();
        return random.Next(13) switch
        {
            0 => Json(root),
            1 => Json(WrongType(root, random)),
            2 => Json(UnknownField(root, random)),
            3 => Marked(Json(HostileString(root, random, Marker)), Encoding.UTF8.GetBytes(Escaped(random))),
            4 => Json(HostileString(root, random, random.Pick(FuzzValues.Hostile))),
            5 => Json(HostileString(root, random, FuzzValues.Long(random, random.Next(8) == 0 ? HugeString : 120_000))),
            6 => Marked(Json(HostileString(root, random, Marker)), InvalidUtf8(random)),
            7 => Deep(random),
            8 => Truncated(Json(root), random),
            9 => Flipped(Json(root), random),
            10 => Encoding.UTF8.GetBytes(random.Pick(["", "[]", "1", "\"x\"", "null", "true", "{", "}", "{}{}", "{\"a\":1,\"a\":2}", "\uFEFF{}", "{} garbage"])),
            11 => Duplicated(Json(root)),
            _ => Marked(Json(WrongType(HostileString(root, random, Marker), random)), Encoding.UTF8.GetBytes(Escaped(random))),
        };
    }

    private static byte[] Json(JsonNode? node) => Encoding.UTF8.GetBytes(node?.ToJsonString() ?? "null");

    /// <summary>Stands for the hostile text while the body is serialized (a serializer refuses to write it).</summary>
    private const string Marker = "\u0001MARK\u0001";
    private static readonly byte[] EscapedMarker = Encoding.UTF8.GetBytes("\\u0001MARK\\u0001");

    /// <summary>JSON escapes (as sent on the wire) that decode to a NUL or an unpaired surrogate: valid JSON, hostile text.</summary>
    private static string Escaped(Random random) =>
        random.Pick(["a\\u0000b", "\\u0000", "\\ud800", "x\\udc00y", "\\ud800\\ud800", "ok\\u0000\\u0000", "\\uDFFF\\uD800"]);

    /// <summary>The body with the marker's place taken by raw bytes, or the bytes appended when the marker fell away.</summary>
    private static byte[] Marked(byte[] json, byte[] replacement)
    {
        var at = json.AsSpan().IndexOf(EscapedMarker);
        return at < 0 ? [.. json, .. replacement] : [.. json[..at], .. replacement, .. json[(at + EscapedMarker.Length)..]];
    }

    private static JsonNode? HostileString(JsonNode? root, Random random, string value)
    {
        var slots = root is null ? [] : FuzzJson.Slots(root);
        if (slots.Count == 0)
        {
            return JsonValue.Create(value);
        }
        // Prefer a slot that holds a string, as a real client's text would.
        var strings = slots.Where(s => Value(s) is JsonValue v && v.TryGetValue<string>(out _)).ToList();
        var slot = strings.Count > 0 && random.Next(4) > 0 ? strings[random.Next(strings.Count)] : slots[random.Next(slots.Count)];
        FuzzJson.Replace(slot, JsonValue.Create(value));
        return root;
    }

    private static JsonNode? WrongType(JsonNode? root, Random random)
    {
        var slots = root is null ? [] : FuzzJson.Slots(root);
        if (slots.Count == 0)
        {
            return new JsonArray(1, 2);
        }
        JsonNode?[] wrong = [null, 0, -1, 1.5, 1e300, long.MaxValue, true, "", "12", new JsonArray(), new JsonObject(), new JsonArray("a", 1)];
        FuzzJson.Replace(slots[random.Next(slots.Count)], wrong[random.Next(wrong.Length)]?.DeepClone());
        return root;
    }

    private static JsonNode? UnknownField(JsonNode? root, Random random)
    {
        if (root is JsonObject obj)
        {
            obj[random.Pick(["extra", "__proto__", "constructor", "$type", "Template", "TEMPLATE", "a\u0000b", ""])] = "surprise";
        }
        return root;
    }

    /// <summary>Bytes that are not UTF-8 (a lone continuation byte, an overlong form, an encoded surrogate...).</summary>
    private static byte[] InvalidUtf8(Random random) =>
        random.Pick(["FF", "C328", "EDA080", "F4908080", "80", "C0AF", "FEFF", "61FF62"]) is var hex ? Convert.FromHexString(hex) : [];

    private static byte[] Deep(Random random)
    {
        var depth = random.Pick(["63", "65", "200", "5000", "100000"]) is var d ? int.Parse(d) : 0;
        var open = random.Next(2) == 0 ? "[" : "{\"a\":";
        var close = open == "[" ? "]" : "}";
        var closed = random.Next(3) > 0;
        return Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat(open, depth)) + "1" + (closed ? string.Concat(Enumerable.Repeat(close, depth)) : ""));
    }

    private static byte[] Truncated(byte[] json, Random random) => json.Length <= 1 ? [] : json[..random.Next(1, json.Length)];

    private static byte[] Flipped(byte[] json, Random random)
    {
        var copy = (byte[])json.Clone();
        for (var i = random.Next(1, 4); i > 0 && copy.Length > 0; i--)
        {
            copy[random.Next(copy.Length)] = (byte)random.Next(256);
        }
        return copy;
    }

    private static byte[] Duplicated(byte[] json)
    {
        var text = Encoding.UTF8.GetString(json);
        return text.StartsWith('{') && text.Length > 2 ? Encoding.UTF8.GetBytes(text[..^1] + "," + text[1..]) : json;
    }

    private static JsonNode? Value((JsonNode Parent, string? Key, int Index) slot) =>
        slot.Parent is JsonObject obj ? obj[slot.Key!] : ((JsonArray)slot.Parent)[slot.Index];
}
