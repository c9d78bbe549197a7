using Anthropic;
using Anthropic.Core;
using Microsoft.Extensions.AI;

namespace Platform.Core.Gateway.Providers;

/// <summary>Builds the official Anthropic SDK's <see cref="IChatClient"/>, wrapped so it fails the gateway's way.</summary>
public static class AnthropicChatClientFactory
{
    public const string DefaultBaseUrl = "https://api.anthropic.com";

    /// <summary>Anthropic requires max_tokens on every request; this is sent when the caller sets none.</summary>
    public const int DefaultMaxOutputTokens = 1024;

    /// <param name="httpClient">The transport. The SDK disposes it when its own client is disposed, which this code never does: the caller keeps ownership.</param>
    public static IChatClient Create(string providerName, ProviderOptions options, HttpClient httpClient)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(providerName);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(httpClient);
        var defaultModel = string.IsNullOrWhiteSpace(options.DefaultModel) ? null : options.DefaultModel;
        var client = new AnthropicClient(new ClientOptions
        {
            HttpClient = httpClient,
            BaseUrl = (string.IsNullOrWhiteSpace(options.BaseUrl) ? DefaultBaseUrl : options.BaseUrl).TrimEnd('/'),
            // Set even when null: left unset, the SDK falls back to ANTHROPIC_API_KEY and other environment credentials.
            ApiKey = options.ApiKey,
            MaxRetries = 0,
            Handlers = [new ProviderErrorHandler(providerName)],
            Timeout = options.TransportTimeout,
        });
        return new ProviderErrorMapping(client.AsIChatClient(defaultModel, DefaultMaxOutputTokens), providerName, defaultModel);
    }
}
