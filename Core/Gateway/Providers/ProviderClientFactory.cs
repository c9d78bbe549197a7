using Microsoft.Extensions.AI;

namespace Platform.Core.Gateway.Providers;

/// <summary>
/// Builds each configured provider's <see cref="IChatClient"/> and owns their HttpClients. Those are made here, not
/// by IHttpClientFactory, because the platform's default HttpClient resilience would retry underneath the gateway's
/// own retries, and attempts are timed out by the gateway's pipeline, not by HttpClient.Timeout.
/// </summary>
public sealed class ProviderClientFactory(TimeProvider clock) : IDisposable
{
    public const string GeminiBaseUrl = "https://generativelanguage.googleapis.com/v1beta/openai";

    private readonly Lock _lock = new();
    private readonly List<HttpClient> _httpClients = [];
    private bool _disposed;

    public IChatClient Create(string name, ProviderOptions options)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(options);
        var type = options.Type?.Trim().ToLowerInvariant();
        switch (type)
        {
            case ProviderTypes.Offline:
                return new OfflineChatClient(name, clock);
            case ProviderTypes.OpenAI:
                return OpenAIChatClientFactory.Create(name, options, NewHttpClient());
            case ProviderTypes.Gemini:
                return OpenAIChatClientFactory.Create(name, options, NewHttpClient(), GeminiBaseUrl, compatibleServer: true);
            case ProviderTypes.OpenAICompatible when string.IsNullOrWhiteSpace(options.BaseUrl):
                throw new InvalidOperationException(
                    $"Llm:Providers:{name}:BaseUrl is required for an {ProviderTypes.OpenAICompatible} provider (e.g. http://localhost:11434/v1).");
            case ProviderTypes.OpenAICompatible:
                return OpenAIChatClientFactory.Create(name, options, NewHttpClient(), compatibleServer: true);
            case ProviderTypes.Anthropic:
                return AnthropicChatClientFactory.Create(name, options, NewHttpClient());
            default:
                throw new InvalidOperationException(
                    $"Llm:Providers:{name}:Type is '{options.Type}'; expected one of: {string.Join(", ", ProviderTypes.All)}.");
        }
    }

    /// <summary>Whether the provider can be called at all: offline always; openai-compatible needs a BaseUrl (a key is optional, e.g. Ollama); the others need an ApiKey.</summary>
    public static bool IsConfigured(ProviderOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.Type?.Trim().ToLowerInvariant() switch
        {
            ProviderTypes.Offline => true,
            ProviderTypes.OpenAICompatible => !string.IsNullOrWhiteSpace(options.BaseUrl),
            ProviderTypes.OpenAI or ProviderTypes.Gemini or ProviderTypes.Anthropic => !string.IsNullOrWhiteSpace(options.ApiKey),
            _ => false,
        };
    }

    public void Dispose()
    {
        lock (_lock)
        {
            _disposed = true;
            foreach (var client in _httpClients)
            {
                client.Dispose();
            }

            _httpClients.Clear();
        }
    }

    private HttpClient NewHttpClient()
    {
        var handler = new SocketsHttpHandler
        {
            // Long-lived clients must still notice DNS changes.
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            ConnectTimeout = TimeSpan.FromSeconds(10),
            AutomaticDecompression = System.Net.DecompressionMethods.All,
            // Provider APIs answer in place: a redirect means a wrong base URL, better shown as the provider's error than
            // followed (a 301/302 would turn the chat POST into a GET). Off, it is also one handler fewer on every call.
            AllowAutoRedirect = false,
        };
        var client = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            _httpClients.Add(client);
        }

        return client;
    }
}
