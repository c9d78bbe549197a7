using System.Reflection;
using Platform.Core.Data;

namespace Platform.Core.Interactions;

/// <summary>
/// The last line of defence before storage: PostgreSQL text cannot hold NUL, and a lone UTF-16 surrogate cannot
/// be encoded as UTF-8. The edge rejects such input; provider output and anything that slipped through is
/// cleaned here, so one odd character never costs a record.
/// </summary>
internal static class InteractionSanitizer
{
    private static readonly PropertyInfo[] TextProperties = typeof(Interaction)
        .GetProperties(BindingFlags.Public | BindingFlags.Instance)
        .Where(p => p.PropertyType == typeof(string) && p.CanRead && p.CanWrite)
        .ToArray();

    public static void Clean(Interaction interaction)
    {
        foreach (var property in TextProperties)
        {
            if (property.GetValue(interaction) is string text && Clean(text) is var clean && !ReferenceEquals(clean, text))
            {
                property.SetValue(interaction, clean);
            }
        }
    }

    /// <summary>
    /// The same instance when nothing needs cleaning (the common case allocates nothing). Unlike StorableText.Clean,
    /// which marks what it replaced with U+FFFD, a NUL is dropped here: it carries nothing a reader could see.
    /// </summary>
    public static string Clean(string text)
    {
        var first = StorableText.FirstUnstorable(text);
        if (first < 0)
        {
            return text;
        }
        var builder = new System.Text.StringBuilder(text.Length);
        builder.Append(text, 0, first);
        for (var i = first; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\0')
            {
                continue;
            }
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                builder.Append(c).Append(text[++i]);
            }
            else
            {
                builder.Append(char.IsSurrogate(c) ? '\uFFFD' : c);
            }
        }
        return builder.ToString();
    }
}
