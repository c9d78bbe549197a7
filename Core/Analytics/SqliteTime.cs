using System.Globalization;

namespace Platform.Core.Analytics;

/// <summary>
/// SQLite keeps DateTime as text, "yyyy-MM-dd HH:mm:ss" with an optional ".fffffff" (Microsoft.Data.Sqlite's format).
/// Parsed digit by digit: DateTime.Parse costs more than the rest of reading a row. Anything else falls back to it.
/// </summary>
internal static class SqliteTime
{
    public static DateTime Parse(string text) => Parse(text.AsSpan());

    public static DateTime Parse(ReadOnlySpan<char> s)
    {
        if (s.Length < 19 || s[4] != '-' || s[7] != '-' || s[10] != ' ' || s[13] != ':' || s[16] != ':')
        {
            return Fallback(s);
        }
        var ticks = 0L;
        if (s.Length > 19)
        {
            if (s[19] != '.' || s.Length > 27)
            {
                return Fallback(s);
            }
            var fraction = s[20..];
            for (var i = 0; i < 7; i++)
            {
                var d = i < fraction.Length ? Digit(fraction[i]) : 0;
                if (d < 0)
                {
                    return Fallback(s);
                }
                ticks = ticks * 10 + d;
            }
        }
        var year = Digits(s, 0, 4);
        var (month, day, hour, minute, second) = (Digits(s, 5, 2), Digits(s, 8, 2), Digits(s, 11, 2), Digits(s, 14, 2), Digits(s, 17, 2));
        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month) || hour is < 0 or > 23 || minute is < 0 or > 59 || second is < 0 or > 59)
        {
            return Fallback(s);
        }
        return new DateTime(year, month, day, hour, minute, second, DateTimeKind.Utc).AddTicks(ticks);
    }

    private static int Digits(ReadOnlySpan<char> s, int start, int count)
    {
        var value = 0;
        for (var i = start; i < start + count; i++)
        {
            var d = Digit(s[i]);
            if (d < 0)
            {
                return -1;
            }
            value = value * 10 + d;
        }
        return value;
    }

    private static int Digit(char c) => c is >= '0' and <= '9' ? c - '0' : -1;

    private static DateTime Fallback(ReadOnlySpan<char> text) =>
        DateTime.SpecifyKind(DateTime.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal), DateTimeKind.Utc);
}
