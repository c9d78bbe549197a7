using System.Globalization;

namespace Platform.Web.Components.Playground;

internal static class PlaygroundFormat
{
    public static string Cost(double? usd) => usd is { } value ? "$" + value.ToString("0.00####", CultureInfo.InvariantCulture) : "—";

    public static string Milliseconds(double ms) => ms.ToString(ms < 10 ? "0.#" : "N0", CultureInfo.InvariantCulture) + " ms";

    public static string Count(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
