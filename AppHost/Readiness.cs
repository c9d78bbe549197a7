using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Platform.AppHost;

/// <summary>Polls until something answers, or gives up with a message that says what and why.</summary>
internal static class Readiness
{
    // No proxy: an HTTP_PROXY from the environment must not swallow requests to localhost.
    private static readonly HttpClient Http = new(new SocketsHttpHandler { UseProxy = false, ConnectTimeout = TimeSpan.FromSeconds(2) })
    {
        Timeout = TimeSpan.FromSeconds(5),
    };

    /// <param name="probe">Returns null when ready, otherwise why not yet.</param>
    public static async Task WaitAsync(string what, TimeSpan timeout, Func<CancellationToken, Task<string?>> probe, CancellationToken stop)
    {
        var started = Stopwatch.GetTimestamp();
        while (await probe(stop) is { } problem)
        {
            if (Stopwatch.GetElapsedTime(started) > timeout)
            {
                throw new LauncherException($"{what} was not ready within {timeout.TotalSeconds:0} s (last: {problem}); see its output above.");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(500), stop);
        }
    }

    public static Task HttpOkAsync(string name, string url, TimeSpan timeout, CancellationToken stop) =>
        WaitAsync($"{name} at {url}", timeout, async ct =>
        {
            try
            {
                using var response = await Http.GetAsync(url, ct);
                return response.StatusCode == HttpStatusCode.OK ? null : $"HTTP {(int)response.StatusCode}";
            }
            catch (HttpRequestException e)
            {
                return e.Message;
            }
            catch (TaskCanceledException) when (!ct.IsCancellationRequested)
            {
                return $"no answer within {Http.Timeout.TotalSeconds:0} s";
            }
        }, stop);

    public static Task TcpAsync(string name, int port, TimeSpan timeout, CancellationToken stop) =>
        WaitAsync($"{name} on port {port}", timeout, async ct =>
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port, ct);
                return null;
            }
            catch (SocketException e)
            {
                return e.Message;
            }
        }, stop);
}
