using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Connections.Features;
using Microsoft.AspNetCore.Http;

namespace Platform.Testing.FakeLlm;

/// <summary>JSON and server-sent-event writing shared by both wire formats.</summary>
internal static class FakeHttp
{
    // Property names are written as declared (snake_case in the anonymous types) and nulls are kept,
    // because both providers send explicit nulls (stop_sequence, finish_reason) that SDKs may expect.
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.General);

    public static string NewId(string prefix) => prefix + Guid.NewGuid().ToString("N")[..24];

    public static long Now() => DateTimeOffset.UtcNow.ToUnixTimeSeconds();

    public static Task WriteJsonAsync(HttpContext http, int status, object body)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = "application/json";
        return http.Response.WriteAsync(JsonSerializer.Serialize(body, Json), Encoding.UTF8, http.RequestAborted);
    }

    public static async Task StartEventStreamAsync(HttpContext http)
    {
        http.Response.StatusCode = 200;
        http.Response.ContentType = "text/event-stream; charset=utf-8";
        http.Response.Headers.CacheControl = "no-cache";
        await http.Response.StartAsync(http.RequestAborted).ConfigureAwait(false);
    }

    /// <summary>One event, flushed at once so the client sees chunks arrive separately.</summary>
    public static async Task WriteEventAsync(HttpContext http, string? name, object data) =>
        await WriteRawEventAsync(http, name, JsonSerializer.Serialize(data, Json)).ConfigureAwait(false);

    public static async Task WriteRawEventAsync(HttpContext http, string? name, string data)
    {
        var text = (name is null ? "" : $"event: {name}\n") + $"data: {data}\n\n";
        await http.Response.WriteAsync(text, Encoding.UTF8, http.RequestAborted).ConfigureAwait(false);
        await http.Response.Body.FlushAsync(http.RequestAborted).ConfigureAwait(false);
    }

    /// <summary>
    /// Ends the connection mid-response. Abort alone sends a reset, and a reset makes the client's kernel drop
    /// whatever it received but had not read yet, so the chunks "sent" before the cut might never be seen.
    /// Instead: give Kestrel's socket loop a moment to put the flushed chunks on the wire (a flush only hands
    /// them over), close our sending side so the client reads every byte and then meets the end mid-body,
    /// and abort for good once the client hangs up (or after a grace period).
    /// </summary>
    public static async Task CutConnectionAsync(HttpContext http)
    {
        if (http.Features.Get<IConnectionSocketFeature>()?.Socket is { } socket)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(100), http.RequestAborted).ConfigureAwait(false);
            socket.Shutdown(SocketShutdown.Send);
            // WhenAny: the delay being cancelled (the client hung up) is the expected way out, not an error.
            await Task.WhenAny(Task.Delay(TimeSpan.FromSeconds(5), http.RequestAborted)).ConfigureAwait(false);
        }

        http.Abort();
    }
}
