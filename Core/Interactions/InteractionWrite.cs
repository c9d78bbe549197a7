using Platform.Core.Buffering;

namespace Platform.Core.Interactions;

/// <summary>An insert of a new record, or an update of one already stored (a pending job output completing).</summary>
public sealed record InteractionWrite(Interaction Interaction, bool IsUpdate = false) : BufferedWrite
{
    internal override Guid RecordId => Interaction.Id;

    internal override bool IsInsert => !IsUpdate;
}
