using Platform.Api.Auth;

namespace Platform.Api.RateLimits;

/// <summary>
/// Runs the request past <see cref="UsageGate"/>: a refusal answers 429 before the handler; an admitted request gets
/// the x-ratelimit-* headers, updated after a sync answer with the tokens it used, and a lease the handler charges.
/// </summary>
internal sealed class UsageLimitFilter(bool limitTokens) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (http.Features.Get<ApiKeyIdentity>() is not { } identity)
        {
            return await next(context);
        }
        var admission = await http.RequestServices.GetRequiredService<UsageGate>().AdmitAsync(identity, limitTokens, http.RequestAborted);
        if (admission.Rejection is { } rejection)
        {
            return RateLimitProblems.Result(rejection, http);
        }
        if (admission.Lease is not { } lease)
        {
            return await next(context);
        }
        http.Features.Set(lease);
        var result = await next(context);
        // A sync answer has been charged by now; a stream is charged as it ends, after its headers went out.
        if (lease.Quota is { } quota && !http.Response.HasStarted)
        {
            RateLimitHeaders.Write(http.Response, quota);
        }
        return result;
    }
}

public static class UsageLimitExtensions
{
    /// <summary>Counts the request against its key's and owner's limits; <paramref name="limitTokens"/> for LLM calls.</summary>
    public static RouteHandlerBuilder WithUsageLimits(this RouteHandlerBuilder builder, bool limitTokens) =>
        builder.AddEndpointFilter(new UsageLimitFilter(limitTokens)).ProducesProblem(StatusCodes.Status429TooManyRequests);

    /// <summary>The gateway client, wrapped to charge the call's tokens and cost when the request runs under limits.</summary>
    public static Microsoft.Extensions.AI.IChatClient Metered(this HttpContext http, Microsoft.Extensions.AI.IChatClient client) =>
        http.Features.Get<UsageLease>() is { } lease ? new MeteredChatClient(client, lease) : client;
}
