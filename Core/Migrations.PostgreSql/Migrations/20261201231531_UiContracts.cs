using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Platform.Migrations.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class UiContracts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ui_contracts",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    owner_user_id = table.Column<Guid>(type: "uuid", nullable: true),
                    user_id = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    version = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    version_major = table.Column<int>(type: "integer", nullable: false),
                    version_minor = table.Column<int>(type: "integer", nullable: false),
                    version_patch = table.Column<int>(type: "integer", nullable: false),
                    json = table.Column<string>(type: "text", nullable: false),
                    meta_json = table.Column<string>(type: "text", nullable: false),
                    optimized_by = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_ui_contracts", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_ui_contracts_owner_user_id_user_id",
                table: "ui_contracts",
                columns: new[] { "owner_user_id", "user_id" });

            migrationBuilder.CreateIndex(
                name: "ix_ui_contracts_user_id_version_major_version_minor_version_pa~",
                table: "ui_contracts",
                columns: new[] { "user_id", "version_major", "version_minor", "version_patch", "created_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ui_contracts");
        }
    }
}
