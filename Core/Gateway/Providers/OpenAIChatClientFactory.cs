using System.ClientModel;
using System.ClientModel.Primitives;
using Microsoft.Extensions.AI;
using OpenAI;
using OpenAI.Chat;

namespace Platform.Core.Gateway.Providers;

/// <summary>
/// Builds the OpenAI SDK's chat client, adapted by Microsoft.Extensions.AI.OpenAI, for OpenAI and any server speaking its
/// chat completions wire format, wrapped so it fails the gateway's way.
/// </summary>
public static class OpenAIChatClientFactory
{
    public const string DefaultBaseUrl = "https://api.openai.com/v1";

    // Ollama, vLLM and friends often need no key, but the SDK insists on a credential.
    private const string NoKeyPlaceholder = "no-key";

    // The SDK binds a chat client to a model; the model a request names is sent instead (Microsoft.Extensions.AI
    // patches it into the body), and OpenAIRequestRules refuses a request that names none when there is no default.
    private const string NoDefaultModel = "unset";

    /// <param name="httpClient">The transport; the caller keeps ownership.</param>
    /// <param name="compatibleServer">
    /// True for servers that only imitate OpenAI (openai-compatible, Gemini): they know the system role but not "developer".
    /// </param>
    public static IChatClient Create(
        string providerName, ProviderOptions options, HttpClient httpClient, string defaultBaseUrl = DefaultBaseUrl, bool compatibleServer = false)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(providerName);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(httpClient);
        var defaultModel = string.IsNullOrWhiteSpace(options.DefaultModel) ? null : options.DefaultModel;
        var credential = new ApiKeyCredential(string.IsNullOrEmpty(options.ApiKey) ? NoKeyPlaceholder : options.ApiKey);
        var sdkOptions = new OpenAIClientOptions
        {
            Endpoint = new Uri(string.IsNullOrWhiteSpace(options.BaseUrl) ? defaultBaseUrl : options.BaseUrl),
            Transport = new HttpClientPipelineTransport(httpClient),
            // The gateway's resilience layer retries and times attempts out; the SDK's would stack underneath it.
            RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
            NetworkTimeout = options.TransportTimeout,
        };
        var sdkClient = new ChatClient(defaultModel ?? NoDefaultModel, credential, sdkOptions).AsIChatClient();
        var rules = new OpenAIRequestRules(sdkClient, providerName, defaultModel, developerAsSystem: compatibleServer);
        return new ProviderErrorMapping(rules, providerName, defaultModel);
    }
}
