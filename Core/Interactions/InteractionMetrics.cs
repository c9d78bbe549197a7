using System.Diagnostics.Metrics;

namespace Platform.Core.Interactions;

/// <summary>What happened to recorded interactions beyond a plain successful write, on the "Platform.Interactions" meter.</summary>
public sealed class InteractionMetrics
{
    public const string MeterName = "Platform.Interactions";

    private readonly Counter<long> _rejected;
    private readonly Counter<long> _retries;
    private readonly Counter<long> _spilled;
    private readonly Counter<long> _replayed;

    public InteractionMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _rejected = meter.CreateCounter<long>("platform.interactions.rejected", "{record}",
            "Records the database refused for good (data or integrity error); logged without their content.");
        _retries = meter.CreateCounter<long>("platform.interactions.retries", "{attempt}",
            "Writes repeated after a transient database error.");
        _spilled = meter.CreateCounter<long>("platform.interactions.spilled", "{record}",
            "Records written to the local spill file because the database could not take them before shutdown.");
        _replayed = meter.CreateCounter<long>("platform.interactions.replayed", "{record}",
            "Records read back from a spill file and stored.");
    }

    public void Rejected() => _rejected.Add(1);

    public void Retried() => _retries.Add(1);

    public void Spilled(int count) => _spilled.Add(count);

    public void Replayed(int count) => _replayed.Add(count);
}
