using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.AI;
using Platform.Core.Gateway.Providers;
using Platform.Testing.FakeLlm;

namespace Platform.Core.Tests.Providers;

/// <summary>How provider failures surface from the OpenAI provider client: mapped, and never retried by the SDK.</summary>
public sealed class OpenAIProviderErrorTests(FakeLlmServer fake) : OpenAIProviderTestBase(fake)
{
    [Fact]
    public async Task A_503_is_transient_with_its_status_after_exactly_one_request()
    {
        Fake.Enqueue(FakeFault.Status(503));
        Fake.Enqueue(FakeFault.Status(503));

        var error = await Call();

        Assert.Equal(ProviderErrorKind.Transient, error.Kind);
        Assert.True(error.IsTransient);
        Assert.Equal(503, error.StatusCode);
        Assert.Equal("openai", error.Provider);
        Assert.Equal(1, Fake.RequestCount);
    }

    [Fact]
    public async Task A_429_is_rate_limited_and_carries_the_retry_after()
    {
        Fake.Enqueue(FakeFault.Status(429, retryAfterSeconds: 7));

        var error = await Call();

        Assert.Equal(ProviderErrorKind.RateLimited, error.Kind);
        Assert.Equal(429, error.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(7), error.RetryAfter);
        Assert.Equal(1, Fake.RequestCount);
    }

    [Fact]
    public async Task A_401_is_an_authentication_error()
    {
        Fake.ApiKey = "another-key";

        var error = await Call();

        Assert.Equal(ProviderErrorKind.Authentication, error.Kind);
        Assert.Equal(401, error.StatusCode);
        Assert.False(error.IsTransient);
    }

    [Fact]
    public async Task A_400_is_an_invalid_request_carrying_the_providers_message()
    {
        Fake.Enqueue(FakeFault.Status(400, "temperature is out of range"));

        var error = await Call();

        Assert.Equal(ProviderErrorKind.InvalidRequest, error.Kind);
        Assert.Equal(400, error.StatusCode);
        Assert.Equal("temperature is out of range", error.Message);
    }

    [Fact]
    public async Task A_connection_cut_before_any_answer_is_a_connection_error()
    {
        Fake.Enqueue(FakeFault.CutStream(afterChunks: 0));

        var error = await Call();

        Assert.Equal(ProviderErrorKind.Connection, error.Kind);
    }

    [Fact]
    public async Task A_refused_connection_is_a_connection_error()
    {
        using var client = Create($"http://127.0.0.1:{UnusedPort()}/v1");

        var error = await Assert.ThrowsAsync<ProviderException>(() =>
            client.GetResponseAsync("hi", cancellationToken: TestContext.Current.CancellationToken));

        Assert.Equal(ProviderErrorKind.Connection, error.Kind);
    }

    [Fact]
    public async Task A_transport_timeout_that_is_not_the_callers_is_a_timeout()
    {
        Fake.Enqueue(FakeFault.Delay(TimeSpan.FromSeconds(30)));
        using var impatient = new HttpClient { Timeout = TimeSpan.FromMilliseconds(200) };
        using var client = Create(Fake.OpenAIBaseUrl, impatient);

        var error = await Assert.ThrowsAsync<ProviderException>(() =>
            client.GetResponseAsync("hi", cancellationToken: TestContext.Current.CancellationToken));

        Assert.Equal(ProviderErrorKind.Timeout, error.Kind);
        Assert.True(error.IsTransient);
    }

    [Fact]
    public async Task The_callers_cancellation_is_rethrown_as_cancellation_not_mapped()
    {
        Fake.Enqueue(FakeFault.Delay(TimeSpan.FromSeconds(30)));
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        var call = Client.GetResponseAsync("hi", cancellationToken: cts.Token);
        await cts.CancelAsync();

        var error = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);

        Assert.IsNotType<ProviderException>(error);
    }

    private Task<ProviderException> Call() => Assert.ThrowsAsync<ProviderException>(() =>
        Client.GetResponseAsync("hi", cancellationToken: TestContext.Current.CancellationToken));

    private static int UnusedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
