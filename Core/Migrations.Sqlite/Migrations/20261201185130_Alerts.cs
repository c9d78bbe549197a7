using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Platform.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Alerts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "alert_firings",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    rule_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    rule_name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    threshold = table.Column<double>(type: "REAL", nullable: false),
                    observed_value = table.Column<double>(type: "REAL", nullable: false),
                    last_value = table.Column<double>(type: "REAL", nullable: true),
                    started_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    resolved_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    webhook_url = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    delivery_status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    delivery_attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    last_attempt_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    delivered_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    last_delivery_error = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_alert_firings", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "alert_rules",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    threshold = table.Column<double>(type: "REAL", nullable: false),
                    window_minutes = table.Column<int>(type: "INTEGER", nullable: false),
                    min_samples = table.Column<int>(type: "INTEGER", nullable: false),
                    model = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    type = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    webhook_url = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    enabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_alert_rules", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_alert_firings_delivery_status",
                table: "alert_firings",
                column: "delivery_status");

            migrationBuilder.CreateIndex(
                name: "ix_alert_firings_rule_id",
                table: "alert_firings",
                column: "rule_id",
                unique: true,
                filter: "resolved_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_alert_firings_rule_id_started_at",
                table: "alert_firings",
                columns: new[] { "rule_id", "started_at" });

            migrationBuilder.CreateIndex(
                name: "ix_alert_firings_started_at",
                table: "alert_firings",
                column: "started_at");

            migrationBuilder.CreateIndex(
                name: "ix_alert_rules_name",
                table: "alert_rules",
                column: "name",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "alert_firings");

            migrationBuilder.DropTable(
                name: "alert_rules");
        }
    }
}
