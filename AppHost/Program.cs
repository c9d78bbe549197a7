using Platform.AppHost;

if (AppHostOptions.WantsHelp(args))
{
    Console.WriteLine(AppHostOptions.HelpText);
    return 0;
}

var builder = DistributedApplication.CreateBuilder(args);
var options = AppHostOptions.From(builder);
if (options.Error is { } error)
{
    Console.Error.WriteLine($"[apphost] {error}");
    return 2;
}

Infrastructure infra;
try
{
    infra = Infrastructure.Add(builder, options);
}
catch (InfraUnavailableException ex)
{
    Console.Error.WriteLine($"[apphost] {ex.Message}");
    return 2;
}

var adminKey = AdminKey.AddParameter(builder, options);

var api = builder.AddProject<Projects.Platform_Api>("api")
    .WithPlatformSettings(builder, options, infra)
    .WithEnvironment("Platform__AdminKey", adminKey)
    .WithDemoSettings(builder)
    .WithHttpHealthCheck("/health");

var worker = builder.AddProject<Projects.Platform_Worker>("worker")
    .WithPlatformSettings(builder, options, infra)
    .WithReference(api)
    .WaitFor(api, WaitBehavior.StopOnResourceUnavailable)
    .WithHttpHealthCheck("/health");

var web = builder.AddProject<Projects.Platform_Web>("web")
    .WithLocalDataDir(builder, options)
    .WithEnvironment("Platform__InfraMode", infra.Mode.ToString().ToLowerInvariant())
    .WithExternalHttpEndpoints()
    .WithReference(api)
    .WaitFor(api, WaitBehavior.StopOnResourceUnavailable)
    .WithHttpHealthCheck("/health")
    .WithAdminSignInLink(builder, adminKey);

StartupReport.Subscribe(builder, options, infra, adminKey, [api, worker, web]);

try
{
    await builder.Build().RunAsync();
}
catch (OperationCanceledException) when (ServiceExitWatcher.Failed)
{
    // The start was cut short on purpose; the watcher has said which service failed and why.
}

return ServiceExitWatcher.Failed ? 1 : 0;
