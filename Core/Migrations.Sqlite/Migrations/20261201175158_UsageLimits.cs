using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Platform.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class UsageLimits : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<double>(
                name: "daily_budget_usd",
                table: "users",
                type: "REAL",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "limit_requests_per_minute",
                table: "users",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "limit_tokens_per_minute",
                table: "users",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "monthly_budget_usd",
                table: "users",
                type: "REAL",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "limit_requests_per_minute",
                table: "api_keys",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "limit_tokens_per_minute",
                table: "api_keys",
                type: "INTEGER",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "daily_budget_usd",
                table: "users");

            migrationBuilder.DropColumn(
                name: "limit_requests_per_minute",
                table: "users");

            migrationBuilder.DropColumn(
                name: "limit_tokens_per_minute",
                table: "users");

            migrationBuilder.DropColumn(
                name: "monthly_budget_usd",
                table: "users");

            migrationBuilder.DropColumn(
                name: "limit_requests_per_minute",
                table: "api_keys");

            migrationBuilder.DropColumn(
                name: "limit_tokens_per_minute",
                table: "api_keys");
        }
    }
}
