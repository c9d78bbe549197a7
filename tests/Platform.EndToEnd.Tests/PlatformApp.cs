using System.Net.Http.Headers;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Platform.Testing;
using TempDirectory = Platform.Testing.TempDirectory;
using Platform.Testing.FakeLlm;

namespace Platform.EndToEnd.Tests;

/// <summary>
/// The whole platform started from the real AppHost through Aspire.Hosting.Testing (DCP, dashboard included), in one
/// infra mode, with a fake LLM provider over real HTTP and its own data folder.
/// </summary>
public sealed class PlatformApp : IAsyncDisposable
{
    public const string AdminKey = "e2e-admin-key-0123456789";
    public const string FakeModel = "gpt-4o-mini";

    /// <summary>The demo chat's keys: secrets the Api gives to its demo@localhost member at start.</summary>
    public const string DemoIngestKey = "e2e-demo-ingest-key-0123";
    public const string DemoMemberKey = "e2e-demo-member-key-0123";

    // Generous bounds for a cold start on a busy 2-core machine: the waits end as soon as the state is reached.
    private static readonly TimeSpan StartDeadline = TimeSpan.FromMinutes(6);

    private readonly TempDirectory _directory;

    private PlatformApp(DistributedApplication app, FakeLlmServer fake, TempDirectory directory, string dashboardKey)
    {
        App = app;
        Fake = fake;
        _directory = directory;
        Dashboard = new DashboardTelemetry(app, dashboardKey);
    }

    public DistributedApplication App { get; }

    public FakeLlmServer Fake { get; }

    public DashboardTelemetry Dashboard { get; }

    public string DataDirectory => _directory.Path;

    public Uri WebUrl => App.GetEndpoint("web", "http");

    public Uri ApiUrl => App.GetEndpoint("api", "http");

    public static async Task<PlatformApp> StartAsync(string infra, CancellationToken ct)
    {
        var fake = await FakeLlmServer.StartAsync(ct);
        var directory = new TempDirectory("e2e");
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.Platform_AppHost>(
            new DistributedApplicationTestingBuilderOptions { EnableDashboard = true },
            [
                $"--Infra={infra}",
                $"--DataDir={directory.Path}",
                $"--Parameters:admin-key={AdminKey}",
                // Forwarded by the AppHost to api and worker, as a user's own provider settings would be.
                "--Llm:Providers:fake:Type=openai",
                $"--Llm:Providers:fake:BaseUrl={fake.OpenAIBaseUrl}",
                $"--Llm:Providers:fake:ApiKey={FakeLlmServer.DefaultApiKey}",
                $"--Llm:Providers:fake:Models:0={FakeModel}",
                $"--Demo:IngestKey={DemoIngestKey}",
                $"--Demo:MemberKey={DemoMemberKey}",
                $"--Demo:Model={FakeModel}",
            ],
            ct);
        var app = await builder.BuildAsync(ct);
        try
        {
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
            deadline.CancelAfter(StartDeadline);
            await app.StartAsync(deadline.Token);
            var notifications = app.Services.GetRequiredService<ResourceNotificationService>();
            foreach (var service in new[] { "api", "worker", "web" })
            {
                await notifications.WaitForResourceHealthyAsync(service, deadline.Token);
            }

            var dashboardKey = app.Services.GetRequiredService<IConfiguration>()["AppHost:DashboardApiKey"]
                ?? throw new InvalidOperationException("The AppHost gave the dashboard no API key.");
            return new PlatformApp(app, fake, directory, dashboardKey);
        }
        catch
        {
            await app.DisposeAsync();
            await fake.DisposeAsync();
            directory.Dispose();
            throw;
        }
    }

    /// <summary>An Api client acting as the admin.</summary>
    public HttpClient CreateAdminClient()
    {
        var http = App.CreateHttpClient("api");
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", AdminKey);
        return http;
    }

    public async ValueTask DisposeAsync()
    {
        await App.DisposeAsync();
        await Fake.DisposeAsync();
        _directory.Dispose();
    }
}
