using System.Diagnostics.Metrics;

namespace Platform.Core.Buffering;

/// <summary>What happened to buffered records beyond a plain successful write: counters named &lt;prefix&gt;.rejected, .retries, .spilled, .replayed.</summary>
public abstract class WriteMetrics
{
    private readonly Counter<long> _rejected;
    private readonly Counter<long> _retries;
    private readonly Counter<long> _spilled;
    private readonly Counter<long> _replayed;

    protected WriteMetrics(IMeterFactory meters, string meterName, string prefix)
    {
        var meter = meters.Create(meterName);
        _rejected = meter.CreateCounter<long>(prefix + ".rejected", "{record}",
            "Records the database refused for good (data or integrity error); logged without their content.");
        _retries = meter.CreateCounter<long>(prefix + ".retries", "{attempt}",
            "Writes repeated after a transient database error.");
        _spilled = meter.CreateCounter<long>(prefix + ".spilled", "{record}",
            "Records written to the local spill file because the database could not take them before shutdown.");
        _replayed = meter.CreateCounter<long>(prefix + ".replayed", "{record}",
            "Records read back from a spill file and stored.");
    }

    public void Rejected() => _rejected.Add(1);

    public void Retried() => _retries.Add(1);

    public void Spilled(int count) => _spilled.Add(count);

    public void Replayed(int count) => _replayed.Add(count);
}
