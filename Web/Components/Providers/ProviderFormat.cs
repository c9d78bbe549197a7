using System.Globalization;
using Radzen;

namespace Platform.Web.Components.Providers;

internal static class ProviderFormat
{
    public const string Closed = "closed";

    public static BadgeStyle CircuitBadge(string? state) => state switch
    {
        Closed => BadgeStyle.Success,
        "half-open" => BadgeStyle.Warning,
        "open" => BadgeStyle.Danger,
        _ => BadgeStyle.Light,
    };

    /// <summary>USD per million tokens; the Api leaves out prices it does not know.</summary>
    public static string Price(decimal? usdPerMillion) =>
        usdPerMillion is { } value ? "$" + value.ToString("0.00##", CultureInfo.InvariantCulture) : "unknown";

    public static string Percent(double ratio) => ratio.ToString("0.#%", CultureInfo.InvariantCulture);

    public static string Count(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
