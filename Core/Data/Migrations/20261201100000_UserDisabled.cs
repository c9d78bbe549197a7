using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Platform.Core.Data.Migrations;

/// <summary>Users can be disabled; the bootstrap admin key's prefix stops repeating the start of its secret.</summary>
[DbContext(typeof(PlatformDbContext))]
[Migration("20261201100000_UserDisabled")]
public sealed class UserDisabled : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<DateTime>(name: "disabled_at", table: "users", nullable: true);
        // Earlier versions stored the first 12 characters of Platform:AdminKey here; replace them with the label
        // even when the Api starts without Platform:AdminKey (then AdminBootstrap does not run).
        migrationBuilder.Sql("UPDATE api_keys SET prefix = 'bootstrap' WHERE name = 'bootstrap (Platform:AdminKey)'");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropColumn(name: "disabled_at", table: "users");
    }
}
