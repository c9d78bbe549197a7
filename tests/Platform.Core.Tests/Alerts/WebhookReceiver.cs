using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Platform.Core.Tests.Alerts;

/// <summary>A real HTTP endpoint on a loopback port that records what alert webhooks POST to it.</summary>
internal sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly Lock _lock = new();
    private readonly List<(JsonElement Body, string? IdempotencyKey)> _posts = [];
    private WebApplication _app = null!;

    /// <summary>What the receiver answers; 200 unless a test makes it fail.</summary>
    public int StatusCode { get; set; } = StatusCodes.Status200OK;

    public string Url { get; private set; } = "";

    public IReadOnlyList<(JsonElement Body, string? IdempotencyKey)> Posts
    {
        get
        {
            lock (_lock)
            {
                return _posts.ToArray();
            }
        }
    }

    public static async Task<WebhookReceiver> StartAsync()
    {
        var receiver = new WebhookReceiver();
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().UseUrls("http://127.0.0.1:0");
        builder.Services.AddRoutingCore();
        var app = builder.Build();
        app.UseRouting();
        app.MapPost("/hook", async (HttpContext http) =>
        {
            var body = await JsonSerializer.DeserializeAsync<JsonElement>(http.Request.Body);
            lock (receiver._lock)
            {
                receiver._posts.Add((body, http.Request.Headers["Idempotency-Key"].FirstOrDefault()));
            }
            http.Response.StatusCode = receiver.StatusCode;
        });
        await app.StartAsync();
        receiver._app = app;
        receiver.Url = app.Urls.Single().TrimEnd('/') + "/hook";
        return receiver;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
