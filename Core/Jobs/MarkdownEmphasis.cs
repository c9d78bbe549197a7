namespace Platform.Core.Jobs;

/// <summary>Emphasis and strong for <see cref="MarkdownInline"/>: runs of * or _ (up to three) and their closers.</summary>
internal static class MarkdownEmphasis
{
    internal readonly record struct EmphasisSpan(string Open, string End, int Start, int Close, int Length);

    public static EmphasisSpan? Find(string text, int i, char marker, HashSet<string> failed)
    {
        var length = Math.Min(Run(text, i, marker), 3);
        var start = i + length;
        // An opener is followed by text, and "_" inside a word (snake_case) is not a marker.
        if (start >= text.Length || char.IsWhiteSpace(text[start]) || (marker == '_' && i > 0 && char.IsLetterOrDigit(text[i - 1])))
        {
            return null;
        }
        var closer = new string(marker, length);
        var close = failed.Contains(closer) ? -1 : FindCloser(text, start + 1, marker, length);
        if (close < 0)
        {
            failed.Add(closer);
            return null;
        }
        return length switch
        {
            1 => new EmphasisSpan("<em>", "</em>", start, close, 1),
            2 => new EmphasisSpan("<strong>", "</strong>", start, close, 2),
            _ => new EmphasisSpan("<strong><em>", "</em></strong>", start, close, 3),
        };
    }

    private static int FindCloser(string text, int from, char marker, int length)
    {
        for (var k = from; k < text.Length; k++)
        {
            if (text[k] != marker)
            {
                continue;
            }
            var run = Run(text, k, marker);
            var after = k + run;
            if (run == length && !char.IsWhiteSpace(text[k - 1]) && (marker != '_' || after >= text.Length || !char.IsLetterOrDigit(text[after])))
            {
                return k;
            }
            k = after - 1;
        }
        return -1;
    }

    public static int Run(string text, int i, char c)
    {
        var end = i;
        while (end < text.Length && text[end] == c)
        {
            end++;
        }
        return end - i;
    }
}
