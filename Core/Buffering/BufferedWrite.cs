using System.Text.Json.Serialization;

namespace Platform.Core.Buffering;

/// <summary>
/// One record on its way through a <see cref="WriteBuffer{T}"/> to the database. It is settled exactly once, and a
/// record read back from a spill file tells that file, which is removed once all its records are settled.
/// </summary>
public abstract record BufferedWrite
{
    /// <summary>The spill file this write was read back from; null for live writes.</summary>
    [JsonIgnore]
    internal ISpillOrigin? Origin { get; init; }

    /// <summary>Set once the writer is done with this write, whatever the outcome.</summary>
    [JsonIgnore]
    internal bool Settled { get; private set; }

    /// <summary>The record's id, for logs that must not show its content.</summary>
    [JsonIgnore]
    internal abstract Guid RecordId { get; }

    /// <summary>An insert, whose unique violation on replay means it is already stored.</summary>
    [JsonIgnore]
    internal virtual bool IsInsert => true;

    internal BufferedWrite From(ISpillOrigin origin) => this with { Origin = origin };

    internal void Settle(WriteOutcome outcome)
    {
        if (Settled)
        {
            return;
        }
        Settled = true;
        Origin?.Release(outcome);
    }
}

internal interface ISpillOrigin
{
    void Release(WriteOutcome? outcome);
}

internal enum WriteOutcome
{
    Stored,
    /// <summary>A replayed insert whose row is already there (an earlier replay stopped before removing its file).</summary>
    AlreadyStored,
    Rejected,
    Spilled,
}
