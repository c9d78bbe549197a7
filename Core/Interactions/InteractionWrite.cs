using System.Text.Json.Serialization;

namespace Platform.Core.Interactions;

/// <summary>An insert of a new record, or an update of one already stored (a pending job output completing).</summary>
public sealed record InteractionWrite(Interaction Interaction, bool IsUpdate = false)
{
    /// <summary>The spill file this write was read back from, told once the write is settled; null for live writes.</summary>
    [JsonIgnore]
    internal SpillReplay? Origin { get; init; }

    /// <summary>Set once the writer is done with this write, whatever the outcome.</summary>
    [JsonIgnore]
    internal bool Settled { get; private set; }

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

internal enum WriteOutcome
{
    Stored,
    /// <summary>A replayed insert whose row is already there (an earlier replay stopped before removing its file).</summary>
    AlreadyStored,
    Rejected,
    Spilled,
}
