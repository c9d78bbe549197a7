using Microsoft.Extensions.AI;
using Platform.Core.Gateway.Providers;
using Platform.Testing.FakeLlm;

namespace Platform.Core.Tests.Providers;

/// <summary>How Anthropic failures surface through the SDK and our mapping: mapped, never retried by the SDK.</summary>
public sealed class AnthropicChatClientErrorTests : IClassFixture<FakeLlmServer>, IDisposable
{
    private readonly FakeLlmServer _fake;
    private readonly HttpClient _http = new();
    private readonly IChatClient _client;

    public AnthropicChatClientErrorTests(FakeLlmServer fake)
    {
        _fake = fake;
        _fake.Reset();
        _client = AnthropicChatClientFactory.Create("anthropic", new ProviderOptions
        {
            Type = ProviderTypes.Anthropic, ApiKey = FakeLlmServer.DefaultApiKey, BaseUrl = fake.BaseUrl, DefaultModel = "claude-haiku-4-5",
        }, _http);
    }

    public void Dispose() => _http.Dispose();

    [Fact]
    public async Task A_400_is_an_invalid_request_carrying_the_providers_message()
    {
        _fake.Enqueue(FakeFault.Status(400, "messages: roles must alternate"));

        var error = await Call();

        Assert.Equal(ProviderErrorKind.InvalidRequest, error.Kind);
        Assert.Equal(400, error.StatusCode);
        Assert.Equal("messages: roles must alternate", error.Message);
        Assert.Equal("anthropic", error.Provider);
    }

    [Fact]
    public async Task A_401_is_an_authentication_error()
    {
        _fake.ApiKey = "another-key";

        var error = await Call();

        Assert.Equal(ProviderErrorKind.Authentication, error.Kind);
        Assert.Equal(401, error.StatusCode);
    }

    [Fact]
    public async Task A_529_overload_is_transient_after_exactly_one_request()
    {
        _fake.Enqueue(FakeFault.Status(529));
        _fake.Enqueue(FakeFault.Status(529));

        var error = await Call();

        Assert.Equal(ProviderErrorKind.Transient, error.Kind);
        Assert.Equal(529, error.StatusCode);
        Assert.Equal(1, _fake.RequestCount);
    }

    [Fact]
    public async Task A_429_is_rate_limited_and_keeps_the_retry_after_the_sdk_would_drop()
    {
        _fake.Enqueue(FakeFault.Status(429, retryAfterSeconds: 12));

        var error = await Call();

        Assert.Equal(ProviderErrorKind.RateLimited, error.Kind);
        Assert.Equal(TimeSpan.FromSeconds(12), error.RetryAfter);
        Assert.Equal(1, _fake.RequestCount);
    }

    [Fact]
    public async Task A_cut_stream_throws_stream_interrupted()
    {
        _fake.Enqueue(FakeFault.CutStream(afterChunks: 2));

        var error = await Assert.ThrowsAsync<ProviderException>(async () =>
        {
            await foreach (var update in _client.GetStreamingResponseAsync("go", cancellationToken: TestContext.Current.CancellationToken))
            {
            }
        });

        Assert.Equal(ProviderErrorKind.StreamInterrupted, error.Kind);
    }

    [Fact]
    public async Task An_overloaded_error_event_inside_the_stream_is_an_interruption()
    {
        _fake.Enqueue(FakeFault.StreamError(afterChunks: 1, "Overloaded"));

        var error = await Assert.ThrowsAsync<ProviderException>(async () =>
        {
            await foreach (var update in _client.GetStreamingResponseAsync("go", cancellationToken: TestContext.Current.CancellationToken))
            {
            }
        });

        Assert.Equal(ProviderErrorKind.StreamInterrupted, error.Kind);
        Assert.Contains("Overloaded", error.Message);
    }

    [Fact]
    public async Task A_transport_timeout_that_is_not_the_callers_is_a_timeout()
    {
        _fake.Enqueue(FakeFault.Delay(TimeSpan.FromSeconds(30)));
        using var impatient = new HttpClient { Timeout = TimeSpan.FromMilliseconds(200) };
        var client = AnthropicChatClientFactory.Create("anthropic", new ProviderOptions
        {
            Type = ProviderTypes.Anthropic, ApiKey = FakeLlmServer.DefaultApiKey, BaseUrl = _fake.BaseUrl, DefaultModel = "claude-haiku-4-5",
        }, impatient);

        var error = await Assert.ThrowsAsync<ProviderException>(() =>
            client.GetResponseAsync("hi", cancellationToken: TestContext.Current.CancellationToken));

        Assert.Equal(ProviderErrorKind.Timeout, error.Kind);
    }

    private Task<ProviderException> Call() => Assert.ThrowsAsync<ProviderException>(() =>
        _client.GetResponseAsync("hi", cancellationToken: TestContext.Current.CancellationToken));
}
