using Microsoft.Extensions.Options;
using Platform.Core.Buffering;

namespace Platform.Core.Events;

/// <summary>The buffer between ingestion and the event writer: a batch is admitted whole or answered 503.</summary>
public sealed class EventBuffer(IOptions<EventBufferOptions> options, EventSpill spill) : WriteBuffer<EventWrite>(options.Value, spill);
