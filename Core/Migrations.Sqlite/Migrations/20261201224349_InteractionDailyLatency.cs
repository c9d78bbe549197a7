using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Platform.Core.Interactions.Rollups;

#nullable disable

namespace Platform.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class InteractionDailyLatency : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_interactions_status",
                table: "interactions");

            migrationBuilder.CreateTable(
                name: "interaction_daily_latency_buckets",
                columns: table => new
                {
                    day = table.Column<long>(type: "INTEGER", nullable: false),
                    owner_user_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    bucket = table.Column<int>(type: "INTEGER", nullable: false),
                    count = table.Column<long>(type: "INTEGER", nullable: false),
                    sum_ms = table.Column<double>(type: "REAL", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_interaction_daily_latency_buckets", x => new { x.day, x.owner_user_id, x.bucket });
                });

            // What the model cannot say: the daily histogram's backfill, and the triggers recreated to keep it too.
            migrationBuilder.Sql(RollupSql.SqliteDailyUp());
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(RollupSql.SqliteDailyDown());

            migrationBuilder.DropTable(
                name: "interaction_daily_latency_buckets");

            migrationBuilder.CreateIndex(
                name: "ix_interactions_status",
                table: "interactions",
                column: "status");
        }
    }
}
