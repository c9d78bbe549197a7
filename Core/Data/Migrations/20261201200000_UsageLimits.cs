using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Platform.Core.Data.Migrations;

/// <summary>Rate limits per user and per key, and spend budgets per user; null means the configured default.</summary>
[DbContext(typeof(PlatformDbContext))]
[Migration("20261201200000_UsageLimits")]
public sealed class UsageLimits : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        foreach (var table in new[] { "users", "api_keys" })
        {
            migrationBuilder.AddColumn<int>(name: "limit_requests_per_minute", table: table, nullable: true);
            migrationBuilder.AddColumn<long>(name: "limit_tokens_per_minute", table: table, nullable: true);
        }
        migrationBuilder.AddColumn<double>(name: "daily_budget_usd", table: "users", nullable: true);
        migrationBuilder.AddColumn<double>(name: "monthly_budget_usd", table: "users", nullable: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropColumn(name: "monthly_budget_usd", table: "users");
        migrationBuilder.DropColumn(name: "daily_budget_usd", table: "users");
        foreach (var table in new[] { "api_keys", "users" })
        {
            migrationBuilder.DropColumn(name: "limit_tokens_per_minute", table: table);
            migrationBuilder.DropColumn(name: "limit_requests_per_minute", table: table);
        }
    }
}
