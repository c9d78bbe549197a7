using System.Net;
using System.Text.Json;

namespace Platform.Web.Api;

/// <summary>A failed Api call, with a message fit to show to the user (the problem's detail or title).</summary>
public sealed class PlatformApiException(
    string message, HttpStatusCode? statusCode = null, Exception? inner = null, IReadOnlyDictionary<string, string[]>? errors = null)
    : Exception(message, inner)
{
    public HttpStatusCode? StatusCode { get; } = statusCode;

    /// <summary>A validation problem's messages by field (camelCase, as the Api names them); empty otherwise.</summary>
    public IReadOnlyDictionary<string, string[]> Errors { get; } = errors ?? new Dictionary<string, string[]>();

    /// <summary>The messages for one field, joined; null when the Api named no such field.</summary>
    public string? ErrorFor(string field) =>
        Errors.FirstOrDefault(e => string.Equals(e.Key, field, StringComparison.OrdinalIgnoreCase)).Value is { } messages
            ? string.Join(" ", messages)
            : null;

    public bool IsUnauthorized => StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden;

    public static PlatformApiException Unreachable(Uri? baseAddress, Exception inner) =>
        new($"The Api at {baseAddress} is unreachable ({inner.Message}).", null, inner);

    public static async Task<PlatformApiException> FromResponseAsync(HttpResponseMessage response, CancellationToken ct)
    {
        var status = (int)response.StatusCode;
        var fallback = $"The Api answered {status} {response.ReasonPhrase}.";
        try
        {
            var problem = await response.Content.ReadFromJsonAsync<ApiProblem>(PlatformApiClient.JsonOptions, ct);
            var message = problem?.Detail is { Length: > 0 } detail ? detail : problem?.Title;
            if (problem?.Errors is { Count: > 0 } errors)
            {
                // A validation problem's title says only that something was invalid; the fields say what.
                message = string.Join(" ", errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}"));
            }
            return new(string.IsNullOrWhiteSpace(message) ? fallback : message, response.StatusCode, errors: problem?.Errors);
        }
        catch (Exception ex) when (ex is JsonException or NotSupportedException or InvalidOperationException)
        {
            // Not a problem document (a proxy's HTML page, an empty body): the status line is all there is.
            return new(fallback, response.StatusCode);
        }
    }
}
