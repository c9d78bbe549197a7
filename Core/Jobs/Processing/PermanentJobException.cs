namespace Platform.Core.Jobs.Processing;

/// <summary>An attempt failure that another attempt cannot fix (unknown model, a request the provider rejects): no retry.</summary>
public sealed class PermanentJobException(string message, Exception? inner = null) : Exception(message, inner);
