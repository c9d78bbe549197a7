using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Platform.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ProductEventsOneUserIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_product_events_user_id_session_id_timestamp",
                table: "product_events");

            migrationBuilder.DropIndex(
                name: "ix_product_events_user_id_timestamp",
                table: "product_events");

            migrationBuilder.CreateIndex(
                name: "ix_product_events_user_id_timestamp_session_id",
                table: "product_events",
                columns: new[] { "user_id", "timestamp", "session_id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_product_events_user_id_timestamp_session_id",
                table: "product_events");

            migrationBuilder.CreateIndex(
                name: "ix_product_events_user_id_session_id_timestamp",
                table: "product_events",
                columns: new[] { "user_id", "session_id", "timestamp" });

            migrationBuilder.CreateIndex(
                name: "ix_product_events_user_id_timestamp",
                table: "product_events",
                columns: new[] { "user_id", "timestamp" });
        }
    }
}
