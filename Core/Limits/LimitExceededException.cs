namespace Platform.Core.Limits;

/// <summary>A client-controlled size over its cap: the Api answers 400 with <see cref="Field"/> and this message.</summary>
public sealed class LimitExceededException(string field, string message) : Exception(message)
{
    public string Field { get; } = field;
}
