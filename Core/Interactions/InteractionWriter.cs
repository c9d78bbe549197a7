using Microsoft.Extensions.Logging;
using Platform.Core.Buffering;
using Platform.Core.Data;

namespace Platform.Core.Interactions;

/// <summary>Writes recorded interactions from their buffer (see <see cref="BatchWriter{T}"/>); their spill files are replayed at start.</summary>
public sealed class InteractionWriter(
    InteractionBuffer buffer, InteractionStore store, InteractionSpill spill, DatabaseInfo database, ILogger<InteractionWriter> logger)
    : BatchWriter<InteractionWrite>(buffer, store, spill, database, write => write.Interaction is not null, logger);
