using System.Net;
using System.Text.Json;

namespace Platform.EndToEnd.Tests;

/// <summary>One span as the Aspire dashboard's telemetry API reports it (OTLP JSON; every attribute value is a string).</summary>
public sealed record DashboardSpan(string Service, string Scope, string TraceId, string Name, int Kind, IReadOnlyDictionary<string, string> Attributes)
{
    public string? Attribute(string key) => Attributes.GetValueOrDefault(key);
}

/// <summary>Reads traces back from the running dashboard, as a developer sees them there.</summary>
public sealed class DashboardTelemetry(DistributedApplication app, string apiKey)
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(500);

    /// <summary>
    /// Waits until the dashboard holds a trace that <paramref name="matches"/> (spans are exported in batches, about a
    /// second apart) and returns its spans; the caller's token bounds the wait.
    /// </summary>
    public async Task<IReadOnlyList<DashboardSpan>> WaitForTraceAsync(Func<IReadOnlyList<DashboardSpan>, bool> matches, CancellationToken ct)
    {
        var baseUrl = new Uri((await app.GetDashboardUrlAsync(ct) ?? throw new InvalidOperationException("The dashboard is not running."))
            .GetLeftPart(UriPartial.Authority));
        using var http = new HttpClient { BaseAddress = baseUrl };
        http.DefaultRequestHeaders.Add("x-api-key", apiKey);
        while (true)
        {
            using var response = await http.GetAsync("/api/telemetry/traces?limit=200", ct);
            // 404 until any resource has sent telemetry.
            if (response.StatusCode != HttpStatusCode.NotFound)
            {
                response.EnsureSuccessStatusCode();
                using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync(ct));
                var trace = Parse(document.RootElement).GroupBy(s => s.TraceId).Select(g => (IReadOnlyList<DashboardSpan>)[.. g]).FirstOrDefault(matches);
                if (trace is not null)
                {
                    return trace;
                }
            }

            await Task.Delay(PollInterval, ct);
        }
    }

    private static IEnumerable<DashboardSpan> Parse(JsonElement root)
    {
        foreach (var resourceSpans in root.GetProperty("data").GetProperty("resourceSpans").EnumerateArray())
        {
            var service = Attributes(resourceSpans.GetProperty("resource")).GetValueOrDefault("service.name") ?? "";
            foreach (var scopeSpans in resourceSpans.GetProperty("scopeSpans").EnumerateArray())
            {
                var scope = scopeSpans.GetProperty("scope").TryGetProperty("name", out var name) ? name.GetString() ?? "" : "";
                foreach (var span in scopeSpans.GetProperty("spans").EnumerateArray())
                {
                    yield return new DashboardSpan(
                        service, scope, span.GetProperty("traceId").GetString()!, span.GetProperty("name").GetString()!,
                        span.TryGetProperty("kind", out var kind) ? kind.GetInt32() : 0, Attributes(span));
                }
            }
        }
    }

    private static Dictionary<string, string> Attributes(JsonElement element)
    {
        var attributes = new Dictionary<string, string>();
        if (element.TryGetProperty("attributes", out var list))
        {
            foreach (var attribute in list.EnumerateArray())
            {
                var value = attribute.GetProperty("value");
                attributes[attribute.GetProperty("key").GetString()!] = value.TryGetProperty("stringValue", out var text) ? text.GetString() ?? "" : value.ToString();
            }
        }

        return attributes;
    }
}
