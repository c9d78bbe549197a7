using Microsoft.Extensions.Configuration;

namespace Platform.AppHost;

internal static class PlatformResourceExtensions
{
    /// <summary>The configuration sections the AppHost hands to Api and Worker when running locally.</summary>
    public static readonly string[] ForwardedSections = ["Llm", "RateLimits", "Alerts", "Events", "Analytics", "Demo", "Contracts"];

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

        // Providers, keys, fallbacks, prices, limits, alert rules and webhooks, event and analytics settings: given to the
        // AppHost (command line, environment, user secrets), used by both processes. Never written into a manifest:
        // keys and webhook URLs would become plain deployment settings.
        if (builder.ExecutionContext.IsPublishMode)
        {
            return project;
        }

        foreach (var section in ForwardedSections)
        {
            foreach (var (key, value) in builder.Configuration.GetSection(section).AsEnumerable())
            {
                if (value is not null)
                {
                    project.WithEnvironment(key.Replace(":", "__", StringComparison.Ordinal), value);
                }
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
