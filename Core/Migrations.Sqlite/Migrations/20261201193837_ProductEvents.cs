using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Platform.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ProductEvents : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "product_events",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    user_id = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    session_id = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    event_type = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    component_id = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    page = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    page_url = table.Column<string>(type: "TEXT", maxLength: 2048, nullable: true),
                    target_url = table.Column<string>(type: "TEXT", maxLength: 2048, nullable: true),
                    query = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    message = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    duration_ms = table.Column<double>(type: "REAL", nullable: true),
                    x = table.Column<double>(type: "REAL", nullable: true),
                    y = table.Column<double>(type: "REAL", nullable: true),
                    extra_json = table.Column<string>(type: "TEXT", nullable: true),
                    timestamp = table.Column<DateTime>(type: "TEXT", nullable: false),
                    received_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    owner_user_id = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_product_events", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_product_events_timestamp",
                table: "product_events",
                column: "timestamp");

            migrationBuilder.CreateIndex(
                name: "ix_product_events_user_id_session_id_timestamp",
                table: "product_events",
                columns: new[] { "user_id", "session_id", "timestamp" });

            migrationBuilder.CreateIndex(
                name: "ix_product_events_user_id_timestamp",
                table: "product_events",
                columns: new[] { "user_id", "timestamp" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "product_events");
        }
    }
}
