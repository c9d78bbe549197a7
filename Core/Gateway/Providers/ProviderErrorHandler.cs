namespace Platform.Core.Gateway.Providers;

/// <summary>
/// Turns a provider's HTTP error answer into a <see cref="ProviderException"/> at the transport, where status,
/// message and Retry-After are all at hand: the Anthropic SDK's exceptions keep the status and message but drop
/// the headers, so a 429's Retry-After would otherwise be lost.
/// </summary>
internal sealed class ProviderErrorHandler(string providerName) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.IsSuccessStatusCode)
        {
            return response;
        }

        using (response)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            var status = (int)response.StatusCode;
            var retryAfter = RetryAfter.Parse(Header(response, "retry-after-ms"), Header(response, "Retry-After"));
            var message = ProviderErrorBody.Message(body, response.ReasonPhrase ?? $"HTTP {status}");
            throw ProviderErrors.FromStatus(providerName, status, message, retryAfter, null);
        }
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;
}
