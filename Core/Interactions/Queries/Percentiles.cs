using Microsoft.EntityFrameworkCore;

namespace Platform.Core.Interactions.Queries;

/// <summary>
/// Exact continuous percentiles (PostgreSQL's percentile_cont: linear between the two nearest ranks) read by the
/// database: a count, then the one or two rows at the rank, so memory stays constant whatever the row count.
/// </summary>
public static class Percentiles
{
    public static async Task<double?> ContinuousAsync(IQueryable<Interaction> rows, long count, double fraction, CancellationToken ct)
    {
        if (count == 0)
        {
            return null;
        }
        var rank = fraction * (count - 1);
        var lower = (int)Math.Floor(rank);
        var values = await rows.Select(i => i.LatencyMs!.Value).OrderBy(v => v).Skip(lower).Take(2).ToListAsync(ct);
        return Interpolate(values, rank - lower);
    }

    public static double? Interpolate(IReadOnlyList<double> values, double weight) => values.Count switch
    {
        0 => null,
        1 => values[0],
        _ => values[0] + ((values[1] - values[0]) * weight),
    };
}
