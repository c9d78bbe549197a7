using Platform.Core.Buffering;

namespace Platform.Core.Events;

/// <summary>An accepted event on its way to the product_events table.</summary>
public sealed record EventWrite(ProductEvent Event) : BufferedWrite
{
    internal override Guid RecordId => Event.Id;
}
