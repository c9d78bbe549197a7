using Microsoft.Extensions.Logging;
using Platform.Core.Buffering;
using Platform.Core.Data;

namespace Platform.Core.Events;

/// <summary>Writes accepted events from their buffer in batches; drained at stop, spilled if the database cannot take them.</summary>
public sealed class EventWriter(EventBuffer buffer, EventStore store, EventSpill spill, DatabaseInfo database, ILogger<EventWriter> logger)
    : BatchWriter<EventWrite>(buffer, store, spill, database, write => write.Event is not null, logger);
