using Microsoft.EntityFrameworkCore.Design;
using Platform.Core.Data;

namespace Platform.Migrations.Sqlite;

/// <summary>How dotnet ef gets a Sqlite context when this project is its startup project (docs/migrations.md).</summary>
internal sealed class DesignTimeFactory : IDesignTimeDbContextFactory<PlatformDbContext>
{
    public PlatformDbContext CreateDbContext(string[] args) => DesignTimeContext.Create(DatabaseProvider.Sqlite);
}
