using Microsoft.Extensions.Configuration;

namespace Platform.AppHost;

internal static class PlatformResourceExtensions
{
    /// <summary>What Api and Worker share: the data folder, the database and cache, and the gateway settings.</summary>
    public static IResourceBuilder<ProjectResource> WithPlatformSettings(
        this IResourceBuilder<ProjectResource> project, IDistributedApplicationBuilder builder, AppHostOptions options, Infrastructure infra)
    {
        project.WithLocalDataDir(builder, options)
            .WithEnvironment("Platform__InfraMode", infra.Mode.ToString().ToLowerInvariant());
        // A configured server is outside the app model: there is no state to wait for, only a value to hand over.
        if (infra.Database is { } database)
        {
            project.WithReference(database);
            if (!infra.DatabaseIsExternal)
            {
                project.WaitFor(database);
            }
        }

        if (infra.Cache is { } cache)
        {
            project.WithReference(cache);
            if (!infra.CacheIsExternal)
            {
                project.WaitFor(cache);
            }
        }

        // Providers, keys, fallbacks, prices: given to the AppHost (command line, environment, user secrets), used by
        // both processes that call models. Never written into a manifest: keys would become plain deployment settings.
        if (builder.ExecutionContext.IsPublishMode)
        {
            return project;
        }

        return project.WithSection(builder, "Llm");
    }

    /// <summary>
    /// The demo chat's keys and model (Demo:*), for the api only. Like the gateway settings they are secrets of a local
    /// run, so they never go into a manifest.
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithDemoSettings(this IResourceBuilder<ProjectResource> api, IDistributedApplicationBuilder builder) =>
        builder.ExecutionContext.IsPublishMode ? api : api.WithSection(builder, "Demo");

    private static IResourceBuilder<ProjectResource> WithSection(
        this IResourceBuilder<ProjectResource> project, IDistributedApplicationBuilder builder, string section)
    {
        foreach (var (key, value) in builder.Configuration.GetSection(section).AsEnumerable())
        {
            if (value is not null)
            {
                project.WithEnvironment(key.Replace(":", "__", StringComparison.Ordinal), value);
            }
        }

        return project;
    }

    /// <summary>
    /// The data folder on this machine (SQLite, keys) for a local run; a deployed container keeps its default, since an
    /// absolute path of the machine that publishes means nothing there.
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithLocalDataDir(
        this IResourceBuilder<ProjectResource> project, IDistributedApplicationBuilder builder, AppHostOptions options) =>
        builder.ExecutionContext.IsRunMode ? project.WithEnvironment("Platform__DataDir", options.DataDir) : project;

    /// <summary>The web resource's "Admin sign-in" link in the dashboard: one click signs in with the admin key.</summary>
    public static IResourceBuilder<ProjectResource> WithAdminSignInLink(
        this IResourceBuilder<ProjectResource> web, IDistributedApplicationBuilder builder, IResourceBuilder<ParameterResource> adminKey)
    {
        if (builder.ExecutionContext.IsPublishMode)
        {
            return web;
        }

        return web.WithUrls(async context =>
        {
            var endpoint = web.GetEndpoint("http");
            var key = await adminKey.Resource.GetValueAsync(context.CancellationToken);
            context.Urls.Add(new ResourceUrlAnnotation { Url = SignInUrl(endpoint.Url, key), DisplayText = "Admin sign-in", Endpoint = endpoint });
        });
    }

    public static string SignInUrl(string webUrl, string? key) => $"{webUrl.TrimEnd('/')}/signin?key={Uri.EscapeDataString(key ?? "")}";
}
