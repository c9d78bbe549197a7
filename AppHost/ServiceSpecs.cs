namespace Platform.AppHost;

/// <summary>
/// How a service is started: its built dll under `dotnet`, configured through Aspire's environment
/// names so a real Aspire AppHost could replace this one without touching the services.
/// </summary>
internal static class ServiceSpecs
{
    public static ChildSpec For(string name, ServiceCatalog catalog, PlatformSettings settings)
    {
        var dll = catalog.DllOf(name);
        var environment = new Dictionary<string, string?>
        {
            ["ASPNETCORE_URLS"] = settings.UrlOf(name),

            // Container images preset these; the URL above must be the only binding.
            ["ASPNETCORE_HTTP_PORTS"] = null,
            ["ASPNETCORE_HTTPS_PORTS"] = null,

            // The working folder is the user's, but appsettings.json lives next to the dll.
            ["DOTNET_CONTENTROOT"] = Path.GetDirectoryName(dll),
            ["ConnectionStrings__platformdb"] = settings.Database,

            // null removes it: the cache is in-memory unless --cache or --redis says otherwise.
            ["ConnectionStrings__cache"] = settings.Cache,
            ["OTEL_SERVICE_NAME"] = name,
            ["Platform__DataDir"] = settings.DataDir,
            ["Platform__AdminKey"] = settings.AdminKey,
        };
        if (name != "api")
        {
            environment["services__api__http__0"] = settings.UrlOf("api");
        }

        // ASPNETCORE_ENVIRONMENT, DOTNET_ENVIRONMENT and OTEL_EXPORTER_OTLP_ENDPOINT are inherited as they are.
        return new ChildSpec(name, DotnetHost.Path, [dll], Environment.CurrentDirectory) { Environment = environment };
    }
}
