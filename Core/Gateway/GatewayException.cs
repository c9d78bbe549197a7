namespace Platform.Core.Gateway;

/// <summary>A request the gateway refuses before any provider is asked (unknown model, unconfigured provider...).</summary>
public sealed class GatewayException(int statusCode, string title, string message, string? field = null) : Exception(message)
{
    public int StatusCode { get; } = statusCode;
    public string Title { get; } = title;

    /// <summary>The request field at fault, for the problem details' errors map.</summary>
    public string? Field { get; } = field;
}
