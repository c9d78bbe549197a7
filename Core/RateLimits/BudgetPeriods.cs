namespace Platform.Core.RateLimits;

/// <summary>Budgets run per UTC day and per UTC calendar month.</summary>
public readonly record struct BudgetPeriods(DateTime DayStart, DateTime MonthStart)
{
    public static BudgetPeriods At(DateTimeOffset now)
    {
        var utc = now.UtcDateTime;
        return new(utc.Date, new DateTime(utc.Year, utc.Month, 1, 0, 0, 0, DateTimeKind.Utc));
    }

    public DateTime NextDay => DayStart.AddDays(1);

    public DateTime NextMonth => MonthStart.AddMonths(1);
}
