using Microsoft.Extensions.Options;
using Platform.Core.Buffering;

namespace Platform.Core.Interactions;

/// <summary>The buffer between the gateway (and jobs) and the interaction writer; see <see cref="WriteBuffer{T}"/>.</summary>
public sealed class InteractionBuffer(IOptions<InteractionBufferOptions> options, InteractionSpill spill)
    : WriteBuffer<InteractionWrite>(options.Value, spill);
