using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.AI;
using Platform.Core.Gateway.Providers;
using Platform.Testing.FakeLlm;

namespace Platform.Core.Tests.Providers;

/// <summary>How provider failures surface from the OpenAI provider client: mapped, and never retried by the SDK.</summary>
public sealed class OpenAIChatClientErrorTests : IClassFixture<FakeLlmServer>, IDisposable
{
    private readonly FakeLlmServer _fake;
    private readonly HttpClient _http = new();
    private readonly IChatClient _client;

    public OpenAIChatClientErrorTests(FakeLlmServer fake)
    {
        _fake = fake;
        _fake.Reset();
        _client = Client(fake.OpenAIBaseUrl);
    }

    public void Dispose()
    {
        _client.Dispose();
        _http.Dispose();
    }

    [Fact]
    public async Task A_503_is_transient_with_its_status_after_exactly_one_request()
    {
        _fake.Enqueue(FakeFault.Status(503));
        _fake.Enqueue(FakeFault.Status(503));

        var error = await Call();

        Assert.Equal(ProviderErrorKind.Transient, error.Kind);
        Assert.True(error.IsTransient);
        Assert.Equal(503, error.StatusCode);
        Assert.Equal("openai", error.Provider);
        Assert.Equal(1, _fake.RequestCount);
    }

    [Fact]
    public async Task A_429_is_rate_limited_and_carries_the_retry_after()
    {
        _fake.Enqueue(FakeFault.Status(429, retryAfterSeconds: 7));

        var error = await Call();

        Assert.Equal(ProviderErrorKind.RateLimited, error.Kind);
        Assert.Equal(429, error.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(7), error.RetryAfter);
        Assert.Equal(1, _fake.RequestCount);
    }

    [Fact]
    public async Task A_401_is_an_authentication_error()
    {
        _fake.ApiKey = "another-key";

        var error = await Call();

        Assert.Equal(ProviderErrorKind.Authentication, error.Kind);
        Assert.Equal(401, error.StatusCode);
        Assert.False(error.IsTransient);
    }

    [Fact]
    public async Task A_400_is_an_invalid_request_carrying_the_providers_message()
    {
        _fake.Enqueue(FakeFault.Status(400, "temperature is out of range"));

        var error = await Call();

        Assert.Equal(ProviderErrorKind.InvalidRequest, error.Kind);
        Assert.Equal(400, error.StatusCode);
        Assert.Equal("temperature is out of range", error.Message);
    }

    [Fact]
    public async Task A_connection_cut_before_any_answer_is_a_connection_error()
    {
        _fake.Enqueue(FakeFault.CutStream(afterChunks: 0));

        var error = await Call();

        Assert.Equal(ProviderErrorKind.Connection, error.Kind);
    }

    [Fact]
    public async Task A_refused_connection_is_a_connection_error()
    {
        using var client = Client($"http://127.0.0.1:{UnusedPort()}/v1");

        var error = await Assert.ThrowsAsync<ProviderException>(() =>
            client.GetResponseAsync("hi", cancellationToken: TestContext.Current.CancellationToken));

        Assert.Equal(ProviderErrorKind.Connection, error.Kind);
    }

    [Fact]
    public async Task A_transport_timeout_that_is_not_the_callers_is_a_timeout()
    {
        _fake.Enqueue(FakeFault.Delay(TimeSpan.FromSeconds(30)));
        using var impatient = new HttpClient { Timeout = TimeSpan.FromMilliseconds(200) };
        using var client = OpenAIChatClientFactory.Create("openai", new ProviderOptions
        {
            Type = ProviderTypes.OpenAI, ApiKey = FakeLlmServer.DefaultApiKey, BaseUrl = _fake.OpenAIBaseUrl, DefaultModel = "gpt-4o-mini",
        }, impatient);

        var error = await Assert.ThrowsAsync<ProviderException>(() =>
            client.GetResponseAsync("hi", cancellationToken: TestContext.Current.CancellationToken));

        Assert.Equal(ProviderErrorKind.Timeout, error.Kind);
        Assert.True(error.IsTransient);
    }

    [Fact]
    public async Task The_callers_cancellation_is_rethrown_as_cancellation_not_mapped()
    {
        _fake.Enqueue(FakeFault.Delay(TimeSpan.FromSeconds(30)));
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        var call = _client.GetResponseAsync("hi", cancellationToken: cts.Token);
        await cts.CancelAsync();

        var error = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);

        Assert.IsNotType<ProviderException>(error);
    }

    private Task<ProviderException> Call() => Assert.ThrowsAsync<ProviderException>(() =>
        _client.GetResponseAsync("hi", cancellationToken: TestContext.Current.CancellationToken));

    private IChatClient Client(string baseUrl) => OpenAIChatClientFactory.Create("openai", new ProviderOptions
    {
        Type = ProviderTypes.OpenAI, ApiKey = FakeLlmServer.DefaultApiKey, BaseUrl = baseUrl, DefaultModel = "gpt-4o-mini",
    }, _http);

    private static int UnusedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
