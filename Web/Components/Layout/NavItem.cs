namespace Platform.Web.Components.Layout;

/// <summary>One entry of the left navigation. <paramref name="Paths"/>: the routes that mark it active (first is the link).</summary>
public sealed record NavItem(string Title, string Icon, params string[] Paths)
{
    public string Href => Paths[0];

    public bool IsActive(string path) =>
        Paths.Any(p => p == "/" ? path == "/" : path.Equals(p, StringComparison.OrdinalIgnoreCase)
                                              || path.StartsWith(p + "/", StringComparison.OrdinalIgnoreCase));
}
