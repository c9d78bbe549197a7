using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Microsoft.Extensions.DependencyInjection;
using TempDirectory = Platform.Testing.TempDirectory;

namespace Platform.EndToEnd.Tests;

/// <summary>What the AppHost hands to Api and Worker when it runs: the settings a developer gives it once.</summary>
public sealed class AppHostSettingsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Gateway_limit_alert_event_analytics_demo_and_contract_settings_reach_api_and_worker()
    {
        using var directory = new TempDirectory("apphost-settings");
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.Platform_AppHost>(
            [
                "--Infra=embedded",
                $"--DataDir={directory.Path}",
                "--Llm:DefaultModel=fake-model",
                "--RateLimits:Defaults:UserRequestsPerMinute=42",
                "--Alerts:EvaluationSeconds=17",
                "--Alerts:Rules:0:Name=Failures",
                "--Events:AllowedOrigins:0=https://shop.example.com",
                "--Analytics:LongDwellSeconds=90",
                "--Demo:Model=fake-model",
                "--Contracts:Breaker:FailureThreshold=7",
            ],
            Ct);
        await using var app = await builder.BuildAsync(Ct);
        var model = app.Services.GetRequiredService<DistributedApplicationModel>();

        foreach (var name in new[] { "api", "worker" })
        {
            var service = model.Resources.OfType<ProjectResource>().Single(r => r.Name == name);
            var env = await EnvironmentOfAsync(app, service);
            Assert.Equal("fake-model", env["Llm__DefaultModel"]);
            Assert.Equal("42", env["RateLimits__Defaults__UserRequestsPerMinute"]);
            Assert.Equal("17", env["Alerts__EvaluationSeconds"]);
            Assert.Equal("Failures", env["Alerts__Rules__0__Name"]);
            Assert.Equal("https://shop.example.com", env["Events__AllowedOrigins__0"]);
            Assert.Equal("90", env["Analytics__LongDwellSeconds"]);
            Assert.Equal("fake-model", env["Demo__Model"]);
            Assert.Equal("7", env["Contracts__Breaker__FailureThreshold"]);
        }
    }

    /// <summary>The plain values the resource's environment callbacks set, as the orchestrator would start it with.</summary>
    private static async Task<Dictionary<string, string?>> EnvironmentOfAsync(DistributedApplication app, ProjectResource service)
    {
        var context = new EnvironmentCallbackContext(app.Services.GetRequiredService<DistributedApplicationExecutionContext>(), service, cancellationToken: Ct);
        foreach (var annotation in service.Annotations.OfType<EnvironmentCallbackAnnotation>())
        {
            await annotation.Callback(context);
        }
        return context.EnvironmentVariables.Where(e => e.Value is string).ToDictionary(e => e.Key, e => (string?)e.Value);
    }
}
