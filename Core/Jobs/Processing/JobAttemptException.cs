namespace Platform.Core.Jobs.Processing;

/// <summary>An attempt failed in a way another attempt may fix (the model's JSON did not parse): retried on the backoff schedule.</summary>
public sealed class JobAttemptException(string message) : Exception(message);
