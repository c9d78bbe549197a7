using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Platform.Migrations.Sqlite.Migrations
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
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    owner_user_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    user_id = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    version = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    version_major = table.Column<int>(type: "INTEGER", nullable: false),
                    version_minor = table.Column<int>(type: "INTEGER", nullable: false),
                    version_patch = table.Column<int>(type: "INTEGER", nullable: false),
                    json = table.Column<string>(type: "TEXT", nullable: false),
                    meta_json = table.Column<string>(type: "TEXT", nullable: false),
                    optimized_by = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false)
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
                name: "ix_ui_contracts_user_id_version_major_version_minor_version_patch_created_at",
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
