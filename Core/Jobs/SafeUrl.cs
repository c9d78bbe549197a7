namespace Platform.Core.Jobs;

/// <summary>The only link targets rendered output may carry: absolute http, https and mailto URLs.</summary>
internal static class SafeUrl
{
    private static readonly string[] Prefixes = ["http://", "https://", "mailto:"];

    /// <summary>Takes the URL as the browser would see it (entities already decoded).</summary>
    public static bool IsAllowed(string url)
    {
        // "java\tscript:" and friends: browsers drop such characters, so a URL that has any is refused outright.
        if (url.Length == 0 || url.Any(c => char.IsControl(c) || char.IsWhiteSpace(c)))
        {
            return false;
        }
        return Prefixes.Any(p => url.StartsWith(p, StringComparison.OrdinalIgnoreCase))
            && Uri.TryCreate(url, UriKind.Absolute, out var uri)
            && uri.Scheme is "http" or "https" or "mailto";
    }
}
