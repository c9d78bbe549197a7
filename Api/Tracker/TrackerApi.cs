namespace Platform.Api.Tracker;

public static class TrackerApi
{
    public const string Path = "/tracker.js";

    private static readonly Lazy<BrowserAsset> Script =
        new(() => BrowserAsset.Load("tracker.js", "text/javascript; charset=utf-8", ScriptCompactor.Compact));

    /// <summary>
    /// GET /tracker.js: public, so any page may load it with a script tag (a script tag needs no CORS; the header is
    /// for pages that fetch it, for a subresource integrity check for instance).
    /// </summary>
    public static IEndpointRouteBuilder MapTracker(this IEndpointRouteBuilder app)
    {
        app.MapGet(Path, (HttpContext http) =>
            {
                http.Response.Headers.AccessControlAllowOrigin = "*";
                return Script.Value.Serve(http);
            })
            .AllowAnonymous().ExcludeFromDescription();
        return app;
    }
}
