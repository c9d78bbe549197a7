using System.Net;
using System.Net.Http.Headers;

namespace Platform.Api.Tests.Demo;

public sealed class TrackerScriptTests : IAsyncLifetime
{
    private readonly ApiFactory _factory = new(connectionString: null);
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Tracker_js_is_public_under_8_KB_and_revalidates_with_its_etag()
    {
        var anonymous = _factory.CreateClient(apiKey: null);
        var response = await anonymous.GetAsync("/tracker.js", Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/javascript", response.Content.Headers.ContentType?.MediaType);
        var body = await response.Content.ReadAsByteArrayAsync(Ct);
        // The budget for the minified script: what the Api serves is the compacted source.
        Assert.InRange(body.Length, 1, 8 * 1024 - 1);
        var text = System.Text.Encoding.UTF8.GetString(body);
        Assert.Contains("w.Tracker = {", text);
        Assert.DoesNotContain(text.Split('\n'), line => line.StartsWith("//", StringComparison.Ordinal) || line.StartsWith(' '));
        Assert.Equal(TimeSpan.FromSeconds(300), response.Headers.CacheControl?.MaxAge);
        Assert.True(response.Headers.CacheControl?.Public);
        Assert.Equal("*", response.Headers.GetValues("Access-Control-Allow-Origin").Single());
        var etag = response.Headers.ETag;
        Assert.NotNull(etag);

        using var revalidate = new HttpRequestMessage(HttpMethod.Get, "/tracker.js");
        revalidate.Headers.IfNoneMatch.Add(etag);
        var notModified = await anonymous.SendAsync(revalidate, Ct);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Empty(await notModified.Content.ReadAsByteArrayAsync(Ct));

        using var stale = new HttpRequestMessage(HttpMethod.Get, "/tracker.js");
        stale.Headers.IfNoneMatch.Add(new EntityTagHeaderValue("\"an-older-version\""));
        Assert.Equal(HttpStatusCode.OK, (await anonymous.SendAsync(stale, Ct)).StatusCode);
    }

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync() => await _factory.DisposeAsync();
}
