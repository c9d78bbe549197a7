using System.Globalization;

namespace Platform.Web.Components.Users;

/// <summary>Limit fields are text boxes: empty means "no limit of its own" (the Api's default applies).</summary>
public static class LimitsFormat
{
    public static string Text(double? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "";

    /// <summary>Null for an empty box; false when the text is not a number (the Api checks the range and names the field).</summary>
    public static bool TryParse(string text, out double? value)
    {
        value = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }
        if (double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            value = number;
            return true;
        }
        return false;
    }

    /// <summary>Null (no limit) or a whole number that fits the field; the Api checks the range.</summary>
    public static bool IsWhole(double? value, double max) => value is not { } v || (v % 1 == 0 && Math.Abs(v) <= max);

    public static string Used(long? used, double? limit) =>
        used is null ? "not counted" : limit is null ? $"{used:N0}" : $"{used:N0} of {limit:N0}";

    public static string Usd(double spent, double? budget) =>
        budget is null ? $"{spent:0.######} USD" : $"{spent:0.######} of {budget:0.######} USD";
}
