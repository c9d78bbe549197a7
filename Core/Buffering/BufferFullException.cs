namespace Platform.Core.Buffering;

/// <summary>Thrown when the buffer stayed full for the whole wait: the caller answers 503 instead of losing a record.</summary>
public sealed class BufferFullException(string message) : Exception(message);
