using System.Buffers.Text;

namespace Platform.Api.Tests.Fuzz;

/// <summary>The hostile and the plausible values requests are made of. Strings here are raw (not yet URL-encoded).</summary>
internal static class FuzzValues
{
    /// <summary>Already percent-encoded: bytes a browser would never send (NUL, invalid UTF-8, an encoded surrogate).</summary>
    public static readonly string[] EncodedHostile =
    [
        "%00", "a%00b", "%FF", "%C3%28", "%ED%A0%80", "%F4%90%80%80", "%", "%zz", "%25", "%0D%0A", "%2e%2e%2f", "%27", "%22%3E%3Cscript%3E",
    ];

    public static readonly string[] Hostile =
    [
        "", " ", "'", "\"", "..", "../..", "null", "undefined", "-1", "0", "1e309", "NaN", "true", "[]", "{}", "😀", "\u202e", "Ω≈ç√",
        "00000000-0000-0000-0000-000000000000", "ffffffff-ffff-ffff-ffff-ffffffffffff", "{{", "}}", "{{x}}", "$where", "; DROP TABLE users; --",
    ];

    public static readonly string[] QueryNames =
        ["cursor", "limit", "status", "priority", "from", "to", "model", "template", "format", "feedback", "stream", "x", "limit[]", "",
         "type", "minQuality", "maxQuality", "provider", "userId", "q", "sort", "bucket"];

    public static readonly string[] PlausibleQueryValues =
    [
        "1", "50", "200", "201", "-5", "2147483648", "queued", "running", "failed", "completed", "high", "low", "json", "markdown",
        "thumbs_up", "none", "offline-1", "2026-01-01T00:00:00Z", "2026-13-45", "yesterday", "AAAAAAAAAAAAAAAAAAAAAA", "====",
        "success", "partial", "no_feedback", "hour", "day", "csv", "newest", "oldest", "100.5", "NaN", "1e308", "%_\\", "1900-01-01", "9999-12-31T23:59:59Z",
    ];

    public static readonly string[] Accepts =
    [
        "*/*", "application/json", "application/problem+json", "application/xml", "text/html", "text/event-stream", "image/png",
        "application/json;q=0", ";;;", "*/*;q=abc", "application/xml, text/plain;q=0.1",
    ];

    public static readonly string[] ContentTypes =
    [
        "application/json", "application/json; charset=utf-8", "application/json; charset=bogus", "application/json; charset=utf-16",
        "application/json; charset=\"utf-8\"", "application/json;;;", "application/merge-patch+json", "text/plain", "text/json",
        "application/x-www-form-urlencoded", "multipart/form-data", "multipart/form-data; boundary=", "application/xml", "garbage", "",
    ];

    public static readonly string[] PlausibleStrings =
        ["hello", "Ada", "ada@example.com", "Say hi to {{name}}.", "offline-1", "member", "thumbs_up", "text", "k-1", "2026-01-01T00:00:00Z"];

    public static string Cursor(Random random)
    {
        var bytes = new byte[random.Next(2) == 0 ? 16 : random.Next(0, 40)];
        random.NextBytes(bytes);
        return Base64Url.EncodeToString(bytes);
    }

    public static string Pick(this Random random, IReadOnlyList<string> values) => values[random.Next(values.Count)];

    public static bool Chance(this Random random, double probability) => random.NextDouble() < probability;

    /// <summary>A long string of a random character class, up to <paramref name="max"/> characters.</summary>
    public static string Long(Random random, int max)
    {
        var length = random.Next(2) == 0 ? max : random.Next(1, max + 1);
        var unit = random.Pick(["a", "é", "😀", " ", "{{x}}", "\\"]);
        return string.Concat(Enumerable.Repeat(unit, Math.Max(1, length / unit.Length)));
    }
}
