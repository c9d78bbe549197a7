using Platform.Core.Buffering;

namespace Platform.Core.Interactions;

public sealed class InteractionBufferOptions : WriteBufferOptions
{
    public const string Section = "Interactions:Buffer";
}
