namespace Platform.AppHost;

/// <summary>Where the database and cache come from.</summary>
internal enum InfraMode
{
    Auto,
    Containers,
    Local,
    Embedded,
}
