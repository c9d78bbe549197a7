using System.Net.Http.Headers;
using System.Text;

namespace Platform.Bench.Benchmarks.Gateway;

/// <summary>One way to get the same chat completion: straight from the fake provider, through the platform, through a peer.</summary>
public sealed record GatewayTarget(string Name, Func<Task<bool>> Call)
{
    /// <summary>The request every target sends: a short non-streaming chat completion.</summary>
    public const string Body = """{"model":"gpt-4o-mini","messages":[{"role":"user","content":"Say hello to the benchmark"}]}""";

    /// <summary>A POST of <see cref="Body"/> to <paramref name="url"/> with a bearer key and extra headers; true on a 2xx.</summary>
    public static GatewayTarget Post(string name, HttpClient http, string url, string key, IReadOnlyDictionary<string, string>? headers = null) =>
        new(name, async () =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(Body, Encoding.UTF8, "application/json") };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
            foreach (var (header, value) in headers ?? new Dictionary<string, string>())
            {
                request.Headers.TryAddWithoutValidation(header, value);
            }
            try
            {
                using var response = await http.SendAsync(request);
                await response.Content.ReadAsByteArrayAsync();
                return response.IsSuccessStatusCode;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // Refused, reset or past HttpClient.Timeout (an overloaded peer's queue): an error, counted as such.
                return false;
            }
        });
}
