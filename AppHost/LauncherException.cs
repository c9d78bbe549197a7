namespace Platform.AppHost;

/// <summary>A startup problem the user can fix; printed as one clear line, without a stack trace.</summary>
internal sealed class LauncherException(string message) : Exception(message);
