namespace Platform.Web.Components.Layout;

/// <summary>One entry of the left navigation. <paramref name="Paths"/>: the routes that mark it active (first is the link).</summary>
public sealed record NavItem(string Title, string Icon, params string[] Paths)
{
    public string Href => Paths[0];

    /// <summary>Shown only to a key with the admin scope, which is what the Api checks for the page's calls.</summary>
    public bool AdminOnly { get; init; }

    public bool IsActive(string path) =>
        Paths.Any(p => p == "/" ? path == "/" : path.Equals(p, StringComparison.OrdinalIgnoreCase)
                                              || path.StartsWith(p + "/", StringComparison.OrdinalIgnoreCase));
}
