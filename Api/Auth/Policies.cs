namespace Platform.Api.Auth;

/// <summary>Authorization policies by key scope: admin > member > ingest.</summary>
public static class Policies
{
    public const string Admin = "admin";
    public const string Member = "member";
    public const string Ingest = "ingest";
}
