using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace Platform.Core.Data;

/// <summary>
/// Text from outside our control (provider answers, their error messages) made storable everywhere: PostgreSQL
/// refuses U+0000 in text and a lone surrogate cannot be encoded as UTF-8, so one such character would fail a
/// whole write. Both become U+FFFD, the character Unicode reserves for "something was here that could not be kept".
/// </summary>
public static class StorableText
{
    public const char Replacement = '\uFFFD';

    [return: NotNullIfNotNull(nameof(text))]
    public static string? Clean(string? text) => text is null || IsStorable(text) ? text : Replace(text);

    public static bool IsStorable(ReadOnlySpan<char> text) => FirstUnstorable(text) < 0;

    /// <summary>The index of the first NUL or lone surrogate, or -1.</summary>
    public static int FirstUnstorable(ReadOnlySpan<char> text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\0')
            {
                return i;
            }
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
                continue;
            }
            if (char.IsSurrogate(c))
            {
                return i;
            }
        }
        return -1;
    }

    private static string Replace(string text)
    {
        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                builder.Append(c).Append(text[++i]);
            }
            else
            {
                builder.Append(c == '\0' || char.IsSurrogate(c) ? Replacement : c);
            }
        }
        return builder.ToString();
    }
}
