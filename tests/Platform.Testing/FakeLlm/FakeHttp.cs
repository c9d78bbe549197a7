using System.Globalization;
using System.Net.ServerSentEvents;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Connections.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

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
        var item = new SseItem<string>(data, name);
        await SseFormatter.WriteAsync(new[] { item }.ToAsyncEnumerable(), http.Response.Body, http.RequestAborted).ConfigureAwait(false);
        await http.Response.Body.FlushAsync(http.RequestAborted).ConfigureAwait(false);
    }

    private const string CutBufferKey = "fake-llm:cut-buffer";

    /// <summary>
    /// Sends this response's body to a buffer instead of Kestrel, for a stream that <see cref="CutConnectionAsync"/>
    /// will cut: the buffered bytes are then written to the socket by hand, so they are in the kernel's send queue
    /// before the connection is closed, however slowly Kestrel's own socket loop would have run.
    /// </summary>
    public static void BufferForCut(HttpContext http)
    {
        var buffer = new MemoryStream();
        http.Features.Set<IHttpResponseBodyFeature>(new StreamResponseBodyFeature(buffer));
        http.Items[CutBufferKey] = buffer;
    }

    /// <summary>
    /// Ends the connection mid-response. Abort alone sends a reset, and a reset makes the client's kernel drop
    /// whatever it received but had not read yet, so the chunks "sent" before the cut might never be seen.
    /// Instead: write the response so far (headers and one chunk of body, no final chunk) straight to the socket,
    /// close our sending side so the client reads every byte and then meets the end mid-body, and abort for good
    /// once the client hangs up (or after a grace period). The kernel delivers queued bytes before the close, so
    /// what the client sees does not depend on timing.
    /// </summary>
    public static async Task CutConnectionAsync(HttpContext http)
    {
        if (http.Features.Get<IConnectionSocketFeature>()?.Socket is { } socket)
        {
            if (http.Items[CutBufferKey] is MemoryStream body)
            {
                socket.Send(PartialResponse(http.Response, body.ToArray()));
            }

            socket.Shutdown(SocketShutdown.Send);
            // WhenAny: the delay being cancelled (the client hung up) is the expected way out, not an error.
            await Task.WhenAny(Task.Delay(TimeSpan.FromSeconds(5), http.RequestAborted)).ConfigureAwait(false);
        }

        http.Abort();
    }

    private static byte[] PartialResponse(HttpResponse response, byte[] body)
    {
        var head = new StringBuilder().Append(CultureInfo.InvariantCulture, $"HTTP/1.1 {response.StatusCode} OK\r\n");
        foreach (var (name, values) in response.Headers)
        {
            head.Append(CultureInfo.InvariantCulture, $"{name}: {values}\r\n");
        }

        head.Append("Transfer-Encoding: chunked\r\n\r\n")
            .Append(CultureInfo.InvariantCulture, $"{body.Length:x}\r\n");
        return [.. Encoding.ASCII.GetBytes(head.ToString()), .. body, .. "\r\n"u8];
    }
}
