namespace Platform.Core.Interactions.Rollups;

/// <summary>
/// The latency histogram's buckets: one per whole millisecond below 1,024 ms, then 128 per doubling (8 ms wide from
/// 1,024 ms, 16 ms from 2,048 ms, ...: at most 0.78% of the value) up to 2^25 ms (9.3 h), and one bucket above.
/// Each bucket keeps its count and the sum of its values, and a percentile reads the mean of the bucket holding its
/// rank: exact when the bucket's values are equal (whole milliseconds below 1,024 ms), otherwise off by less than
/// the bucket's width. The migration InteractionRollups computes the same buckets in SQL for the triggers.
/// </summary>
public static class LatencyBuckets
{
    public const int Linear = 1024;
    public const int PerDoubling = 128;
    public const int Doublings = 15;
    public const int Overflow = Linear + (PerDoubling * Doublings);

    public static int Of(double ms)
    {
        if (ms < Linear)
        {
            return ms < 0 ? 0 : (int)ms;
        }
        for (var k = 0; k < Doublings; k++)
        {
            double low = Linear << k;
            if (ms < low * 2)
            {
                return Linear + (PerDoubling * k) + (int)((ms - low) / (8 << k));
            }
        }
        return Overflow;
    }
}

/// <summary>
/// A merged latency histogram: bucket -> (count, sum of values), with percentile_cont over the bucket means. A hash map
/// while buckets are added (a month by day merges ~30,000 rollup rows), sorted once when a percentile is asked for.
/// </summary>
public sealed class LatencyHistogram
{
    private readonly Dictionary<int, (long Count, double Sum)> _buckets = [];
    private (int Bucket, long Count, double Sum)[]? _sorted;

    public long Count { get; private set; }

    public void Add(int bucket, long count, double sum)
    {
        ref var entry = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(_buckets, bucket, out _);
        entry = (entry.Count + count, entry.Sum + sum);
        Count += count;
        _sorted = null;
    }

    public void AddValue(double ms) => Add(LatencyBuckets.Of(ms), 1, ms);

    public void AddAll(LatencyHistogram other)
    {
        foreach (var (bucket, (count, sum)) in other._buckets)
        {
            Add(bucket, count, sum);
        }
    }

    /// <summary>PostgreSQL's percentile_cont: linear between the values at the two nearest ranks; null when empty.</summary>
    public double? Continuous(double fraction)
    {
        if (Count <= 0)
        {
            return null;
        }
        var rank = fraction * (Count - 1);
        var lower = (long)Math.Floor(rank);
        var low = ValueAt(lower);
        return lower + 1 < Count ? low + ((ValueAt(lower + 1) - low) * (rank - lower)) : low;
    }

    private double ValueAt(long rank)
    {
        _sorted ??= [.. _buckets.Where(b => b.Value.Count > 0).Select(b => (b.Key, b.Value.Count, b.Value.Sum)).OrderBy(b => b.Key)];
        long seen = 0;
        foreach (var (_, count, sum) in _sorted)
        {
            seen += count;
            if (rank < seen)
            {
                return sum / count;
            }
        }
        throw new InvalidOperationException("rank beyond the histogram");
    }
}
