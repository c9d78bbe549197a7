using System.ClientModel;
using System.ClientModel.Primitives;
using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;
using OpenAI;
using SdkChatClient = OpenAI.Chat.ChatClient;

namespace Platform.Core.Gateway.Providers;

/// <summary>
/// An <see cref="IChatClient"/> over the OpenAI SDK's chat completions, for OpenAI and any server speaking its wire format.
/// It never retries and times out only as a backstop: the gateway's resilience layer owns both.
/// </summary>
public sealed class OpenAIChatClient : IChatClient
{
    public const string DefaultBaseUrl = "https://api.openai.com/v1";

    /// <summary>Added to the per-attempt timeout so the gateway's own timeout fires first.</summary>
    internal static readonly TimeSpan TimeoutMargin = TimeSpan.FromSeconds(10);

    // Ollama, vLLM and friends often need no key, but the SDK insists on a credential.
    private const string NoKeyPlaceholder = "no-key";

    private readonly string _providerName;
    private readonly string? _defaultModel;
    private readonly ApiKeyCredential _credential;
    private readonly OpenAIClientOptions _sdkOptions;
    private readonly ConcurrentDictionary<string, SdkChatClient> _clients = new(StringComparer.Ordinal);
    private readonly ChatClientMetadata _metadata;

    public OpenAIChatClient(string providerName, ProviderOptions options, HttpClient httpClient, string defaultBaseUrl = DefaultBaseUrl)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(providerName);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(httpClient);
        _providerName = providerName;
        _defaultModel = string.IsNullOrWhiteSpace(options.DefaultModel) ? null : options.DefaultModel;
        _credential = new ApiKeyCredential(string.IsNullOrEmpty(options.ApiKey) ? NoKeyPlaceholder : options.ApiKey);
        var endpoint = new Uri(string.IsNullOrWhiteSpace(options.BaseUrl) ? defaultBaseUrl : options.BaseUrl);
        _sdkOptions = new OpenAIClientOptions
        {
            Endpoint = endpoint,
            Transport = new HttpClientPipelineTransport(httpClient),
            RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
            NetworkTimeout = TimeSpan.FromSeconds(Math.Max(1, options.TimeoutSeconds)) + TimeoutMargin,
        };
        _metadata = new ChatClientMetadata(providerName, endpoint, _defaultModel);
    }

    public async Task<ChatResponse> GetResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var client = ClientFor(options);
        var sdkMessages = OpenAIRequestMapper.Messages(messages);
        var sdkOptions = OpenAIRequestMapper.Options(options);
        try
        {
            var result = await client.CompleteChatAsync(sdkMessages, sdkOptions, cancellationToken).ConfigureAwait(false);
            return OpenAIResponseMapper.Response(result.Value);
        }
        catch (Exception error) when (ProviderErrors.Translate(_providerName, error, cancellationToken) is { } mapped)
        {
            throw mapped;
        }
    }

    public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        // Argument problems surface here, at the call, not on the first MoveNext.
        var client = ClientFor(options);
        var sdkMessages = OpenAIRequestMapper.Messages(messages);
        var sdkOptions = OpenAIRequestMapper.Options(options);
        return ProviderStreams.Guard(_providerName, ct => Stream(client, sdkMessages, sdkOptions, ct), cancellationToken);
    }

    public object? GetService(Type serviceType, object? serviceKey = null)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        if (serviceKey is not null)
        {
            return null;
        }

        return serviceType == typeof(ChatClientMetadata) ? _metadata
            : serviceType.IsInstanceOfType(this) ? this
            : null;
    }

    public void Dispose()
    {
        // The HttpClient belongs to whoever passed it in; the SDK clients hold nothing else.
    }

    private static async IAsyncEnumerable<ChatResponseUpdate> Stream(
        SdkChatClient client, List<OpenAI.Chat.ChatMessage> messages, OpenAI.Chat.ChatCompletionOptions options,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var update in client.CompleteChatStreamingAsync(messages, options, cancellationToken).ConfigureAwait(false))
        {
            yield return OpenAIResponseMapper.Update(update);
        }
    }

    private SdkChatClient ClientFor(ChatOptions? options)
    {
        var model = string.IsNullOrWhiteSpace(options?.ModelId) ? _defaultModel : options.ModelId;
        if (model is null)
        {
            throw new ArgumentException(
                $"No model: the request names none and provider '{_providerName}' has no DefaultModel.", nameof(options));
        }

        return _clients.GetOrAdd(model, static (m, self) => new SdkChatClient(m, self._credential, self._sdkOptions), this);
    }
}
