using System.Text;

namespace Platform.Core.Interactions;

/// <summary>
/// Levenshtein distance between two texts, counted in Unicode code points (an emoji is one edit, not two UTF-16
/// units). Two rows of the DP table, so memory is linear in the shorter text; time is the product of both lengths,
/// which is why callers cap the inputs (<see cref="MaxChars"/>).
/// </summary>
public static class EditDistance
{
    /// <summary>10,000 x 10,000 is at most 10^8 cell updates: a fraction of a second, never a CPU bomb.</summary>
    public const int MaxChars = 10_000;

    public static int Between(string a, string b)
    {
        var left = Runes(a);
        var right = Runes(b);
        if (left.Length < right.Length)
        {
            (left, right) = (right, left);
        }
        var previous = new int[right.Length + 1];
        var current = new int[right.Length + 1];
        for (var j = 0; j <= right.Length; j++)
        {
            previous[j] = j;
        }
        for (var i = 1; i <= left.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= right.Length; j++)
            {
                var substitution = previous[j - 1] + (left[i - 1] == right[j - 1] ? 0 : 1);
                current[j] = Math.Min(substitution, Math.Min(previous[j], current[j - 1]) + 1);
            }
            (previous, current) = (current, previous);
        }
        return previous[right.Length];
    }

    private static int[] Runes(string text) => text.EnumerateRunes().Select(r => r.Value).ToArray();
}
