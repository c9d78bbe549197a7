using Microsoft.AspNetCore.Http.HttpResults;
using System.Globalization;
using Platform.Core.Gateway;
using Platform.Core.Gateway.Providers;
using Platform.Core.Buffering;

namespace Platform.Api.Gateway;

/// <summary>How a gateway failure is told to the caller: status, title, detail, and when to come back.</summary>
public sealed record GatewayProblem(int Status, string Title, string Detail, TimeSpan? RetryAfter = null, string? Field = null)
{
    public static GatewayProblem? From(Exception error) => error switch
    {
        GatewayException gateway => new(gateway.StatusCode, gateway.Title, gateway.Message, Field: gateway.Field),
        BufferFullException full => new(503, "Overloaded", full.Message, TimeSpan.FromSeconds(1)),
        ProviderException provider => FromProvider(provider),
        _ => null,
    };

    private static GatewayProblem FromProvider(ProviderException error) => error.Kind switch
    {
        ProviderErrorKind.Authentication => new(502, "Provider rejected our credentials",
            $"Provider '{error.Provider}' rejected the platform's API key: check Llm:Providers:{error.Provider}:ApiKey. ({error.Message})"),
        ProviderErrorKind.InvalidRequest => new(400, "Provider rejected the request", $"Provider '{error.Provider}': {error.Message}"),
        ProviderErrorKind.RateLimited => new(429, "Provider rate limit", $"Provider '{error.Provider}' is rate limiting: {error.Message}", error.RetryAfter),
        ProviderErrorKind.CircuitOpen => new(503, "Provider unavailable", error.Message, error.RetryAfter ?? TimeSpan.FromSeconds(30)),
        ProviderErrorKind.Timeout => new(504, "Provider timeout", error.Message, error.RetryAfter),
        _ => new(502, "Provider failed", $"Provider '{error.Provider}' failed: {error.Message}"),
    };

    public void ApplyHeaders(HttpResponse response)
    {
        if (RetryAfter is { } after)
        {
            response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(after.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        }
    }

    public ProblemHttpResult ToResult(HttpContext context)
    {
        ApplyHeaders(context.Response);
        var extensions = Field is null ? null : new Dictionary<string, object?> { ["errors"] = new Dictionary<string, string[]> { [Field] = [Detail] } };
        return TypedResults.Problem(Detail, statusCode: Status, title: Title, extensions: extensions);
    }
}
