namespace Platform.Core.Data;

/// <summary>
/// Each provider's generated migrations live in their own assembly (EF Core's layout for one DbContext on several
/// providers). Core cannot reference them, since they reference Core; every host that migrates or waits for the
/// schema references both.
/// </summary>
public static class MigrationsAssemblies
{
    public const string Sqlite = "Platform.Migrations.Sqlite";
    public const string PostgreSql = "Platform.Migrations.PostgreSql";
}
