using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Platform.Migrations.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class InteractionQueryIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "ix_interactions_model_created_at",
                table: "interactions",
                columns: new[] { "model", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_interactions_status_created_at",
                table: "interactions",
                columns: new[] { "status", "created_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_interactions_model_created_at",
                table: "interactions");

            migrationBuilder.DropIndex(
                name: "ix_interactions_status_created_at",
                table: "interactions");
        }
    }
}
