using System.Diagnostics;

namespace Platform.Api.Gateway;

/// <summary>Marks when a request arrived, so the overhead header covers auth and parsing too.</summary>
public static class GatewayTiming
{
    private const string Key = "platform.request.start";

    public static IApplicationBuilder UseRequestTiming(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            context.Items[Key] = Stopwatch.GetTimestamp();
            return next(context);
        });

    public static long RequestStart(this HttpContext context) =>
        context.Items.TryGetValue(Key, out var value) && value is long start ? start : Stopwatch.GetTimestamp();

    public static void WriteGatewayHeaders(this HttpResponse response, bool cached, double overheadMs)
    {
        response.Headers["x-platform-cache"] = cached ? "hit" : "miss";
        response.Headers["x-platform-overhead-ms"] = overheadMs.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture);
    }
}
