using System.Text;
using System.Text.Json;

namespace Platform.Api.Gateway;

/// <summary>Server-sent events, flushed one by one so each chunk reaches the client as it arrives.</summary>
internal sealed class SseWriter(HttpResponse response, JsonSerializerOptions json)
{
    public Task StartAsync()
    {
        response.ContentType = "text/event-stream";
        response.Headers.CacheControl = "no-cache";
        // Proxies such as nginx would otherwise buffer the whole answer.
        response.Headers["X-Accel-Buffering"] = "no";
        return response.StartAsync();
    }

    public async Task WriteEventAsync<T>(string? name, T payload)
    {
        var builder = new StringBuilder();
        if (name is not null)
        {
            builder.Append("event: ").Append(name).Append('\n');
        }
        builder.Append("data: ").Append(JsonSerializer.Serialize(payload, json)).Append("\n\n");
        await WriteRawAsync(builder.ToString());
    }

    public async Task WriteRawAsync(string text)
    {
        await response.WriteAsync(text, response.HttpContext.RequestAborted);
        await response.Body.FlushAsync(response.HttpContext.RequestAborted);
    }
}
