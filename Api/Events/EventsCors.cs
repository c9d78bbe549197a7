using Microsoft.AspNetCore.Cors.Infrastructure;
using Microsoft.Extensions.Options;
using Platform.Api.Auth;
using Platform.Core.Events;

namespace Platform.Api.Events;

/// <summary>
/// The CORS policy of the browser-facing endpoints (POST /api/events, /tracker.js, POST /log_event): the origins of
/// Events:AllowedOrigins ("*" for any), GET and POST, the key headers; no cookies, since keys travel in headers.
/// </summary>
public static class EventsCors
{
    public const string Policy = "events";

    public static IServiceCollection AddEventsCors(this IServiceCollection services)
    {
        services.AddCors();
        services.AddOptions<CorsOptions>().Configure<IOptions<EventOptions>>((cors, events) => cors.AddPolicy(Policy, policy =>
        {
            var origins = events.Value.AllowedOrigins.Where(o => !string.IsNullOrWhiteSpace(o)).Select(o => o.Trim().TrimEnd('/')).ToArray();
            if (origins.Contains("*"))
            {
                policy.AllowAnyOrigin();
            }
            else
            {
                policy.WithOrigins(origins);
            }
            policy.WithMethods("GET", "POST")
                .WithHeaders("Authorization", ApiKeyAuthenticationHandler.HeaderName, "Content-Type")
                .SetPreflightMaxAge(TimeSpan.FromMinutes(10));
        }));
        return services;
    }
}
