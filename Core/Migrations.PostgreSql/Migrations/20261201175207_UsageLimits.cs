using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Platform.Migrations.PostgreSql.Migrations
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
                type: "double precision",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "limit_requests_per_minute",
                table: "users",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "limit_tokens_per_minute",
                table: "users",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "monthly_budget_usd",
                table: "users",
                type: "double precision",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "limit_requests_per_minute",
                table: "api_keys",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "limit_tokens_per_minute",
                table: "api_keys",
                type: "bigint",
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
