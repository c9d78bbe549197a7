using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Platform.AppHost;

/// <summary>What the console says: the infra mode at start, the sign-in link once Web is healthy, and why it stops.</summary>
internal static class StartupReport
{
    public static void Subscribe(
        IDistributedApplicationBuilder builder, AppHostOptions options, Infrastructure infra,
        IResourceBuilder<ParameterResource> adminKey, IResourceBuilder<ProjectResource>[] services)
    {
        if (builder.ExecutionContext.IsPublishMode)
        {
            return;
        }

        var requested = options.RequestedInfra == InfraMode.Auto ? " (auto)" : "";
        Console.WriteLine($"[apphost] infra: {infra.Mode.ToString().ToLowerInvariant()}{requested}; database: {infra.DatabaseDescription}; cache: {infra.CacheDescription}");
        Console.WriteLine($"[apphost] data folder: {options.DataDir}");
        Console.WriteLine("[apphost] starting api, worker and web (the dashboard's login link follows; the first run builds them first)");

        var web = services.Single(s => s.Resource.Name == "web");
        builder.Eventing.Subscribe<ResourceReadyEvent>(web.Resource, async (_, ct) =>
        {
            var key = await adminKey.Resource.GetValueAsync(ct);
            Console.WriteLine($"[apphost] admin sign-in: {PlatformResourceExtensions.SignInUrl(web.GetEndpoint("http").Url, key)}");
            Console.WriteLine($"[apphost] the admin key is also in {Path.Combine(options.DataDir, "admin-key")} unless Parameters:admin-key was given");
        });

        // Hosted services start only after the orchestrator has started every resource, which is too late to see a
        // service exit while the others wait for it: the watcher starts with the resources instead.
        builder.Eventing.Subscribe<BeforeStartEvent>((e, ct) =>
        {
            var watcher = new ServiceExitWatcher(
                e.Services.GetRequiredService<ResourceNotificationService>(),
                e.Services.GetRequiredService<ResourceLoggerService>(),
                e.Services.GetRequiredService<IHostApplicationLifetime>(),
                e.Services.GetRequiredService<ILogger<ServiceExitWatcher>>(),
                [.. services.Select(s => s.Resource.Name)]);
            _ = watcher.RunAsync();
            return Task.CompletedTask;
        });
    }
}
