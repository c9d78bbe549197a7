using Platform.Core.Alerts;
using Platform.Core.Caching;
using Platform.Core.Contracts;
using Platform.Core.Data;
using Platform.Core.Gateway;
using Platform.Core.Jobs;
using Platform.Core.Jobs.Processing;
using Platform.Worker.Processing;

namespace Platform.Worker;

internal static class Extensions
{
    public static IHostApplicationBuilder AddWorkerServices(this IHostApplicationBuilder builder)
    {
        builder.AddPlatformStorage();
        builder.AddPlatformCache();
        builder.AddLlmGateway();
        builder.AddJobSystem();
        builder.AddUiContracts();
        builder.Services.AddHostedService<JobWorker>();
        if (builder.Configuration.GetValue("Worker:NoOpJobs", false))
        {
            builder.Services.AddSingleton<IJobHandler, NoOpJobHandler>();
        }
        builder.AddAlertEvaluation();
        // Give in-flight units time to finish on Ctrl+C / SIGTERM before the host gives up on them.
        var grace = TimeSpan.FromSeconds(builder.Configuration.GetValue("Worker:ShutdownGraceSeconds", 30));
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = grace);
        return builder;
    }
}
