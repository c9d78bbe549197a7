namespace Platform.Api.Demo;

/// <summary>
/// Runs /demo/ask as the configured member key: the key's identity goes where an authenticated request keeps it, so the
/// usage limits that follow (and the interaction record) treat the demo like any other caller of that key.
/// </summary>
internal sealed class DemoMemberKeyFilter(DemoKeyCheck check) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var (identity, problem) = await check.MemberAsync(http.RequestAborted);
        if (identity is null)
        {
            // Until it has a working member key the demo has no answering half: not found, with what to configure.
            return TypedResults.Problem($"{problem} {DemoKeyCheck.HowTo}", statusCode: StatusCodes.Status404NotFound,
                title: "The demo is not configured");
        }
        http.Features.Set(identity);
        return await next(context);
    }
}
