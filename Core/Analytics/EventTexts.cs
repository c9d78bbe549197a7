using System.Text;

namespace Platform.Core.Analytics;

/// <summary>
/// One string per distinct text value of a read. A user's 100,000 events repeat a few dozen types, sessions,
/// components and pages: sharing them keeps the read from allocating (SQLite) or from keeping (PostgreSQL, whose reader
/// makes a string per value) hundreds of thousands of strings that every collection during the read would copy.
/// </summary>
internal sealed class EventTexts
{
    private readonly Dictionary<string, string> _seen = new(StringComparer.Ordinal);
    private char[] _chars = new char[256];

    public string Get(ReadOnlySpan<byte> utf8)
    {
        if (_chars.Length < utf8.Length)
        {
            _chars = new char[Math.Max(utf8.Length, _chars.Length * 2)];
        }
        var length = Encoding.UTF8.GetChars(utf8, _chars);
        var lookup = _seen.GetAlternateLookup<ReadOnlySpan<char>>();
        var text = _chars.AsSpan(0, length);
        if (!lookup.TryGetValue(text, out var known))
        {
            known = text.ToString();
            _seen.Add(known, known);
        }
        return known;
    }

    /// <summary>The shared instance of <paramref name="text"/>; the caller's copy is left to die young.</summary>
    public string Get(string text)
    {
        if (!_seen.TryGetValue(text, out var known))
        {
            known = text;
            _seen.Add(known, known);
        }
        return known;
    }
}
