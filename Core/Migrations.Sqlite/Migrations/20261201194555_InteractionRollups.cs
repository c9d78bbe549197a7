using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Platform.Core.Interactions.Rollups;

#nullable disable

namespace Platform.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class InteractionRollups : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "interaction_latency_buckets",
                columns: table => new
                {
                    hour = table.Column<long>(type: "INTEGER", nullable: false),
                    owner_user_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    type = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    model = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    provider = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    bucket = table.Column<int>(type: "INTEGER", nullable: false),
                    count = table.Column<long>(type: "INTEGER", nullable: false),
                    sum_ms = table.Column<double>(type: "REAL", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_interaction_latency_buckets", x => new { x.hour, x.owner_user_id, x.type, x.model, x.provider, x.status, x.bucket });
                });

            migrationBuilder.CreateTable(
                name: "interaction_rollups",
                columns: table => new
                {
                    hour = table.Column<long>(type: "INTEGER", nullable: false),
                    owner_user_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    type = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    model = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    provider = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    count = table.Column<long>(type: "INTEGER", nullable: false),
                    cost_usd = table.Column<double>(type: "REAL", nullable: false),
                    total_tokens = table.Column<long>(type: "INTEGER", nullable: false),
                    latency_count = table.Column<long>(type: "INTEGER", nullable: false),
                    latency_sum_ms = table.Column<double>(type: "REAL", nullable: false),
                    quality_count = table.Column<long>(type: "INTEGER", nullable: false),
                    quality_sum = table.Column<double>(type: "REAL", nullable: false),
                    complete = table.Column<long>(type: "INTEGER", nullable: false),
                    feedback_none = table.Column<long>(type: "INTEGER", nullable: false),
                    feedback_thumbs_up = table.Column<long>(type: "INTEGER", nullable: false),
                    feedback_thumbs_down = table.Column<long>(type: "INTEGER", nullable: false),
                    feedback_accepted = table.Column<long>(type: "INTEGER", nullable: false),
                    feedback_rejected = table.Column<long>(type: "INTEGER", nullable: false),
                    feedback_modified = table.Column<long>(type: "INTEGER", nullable: false),
                    feedback_other = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_interaction_rollups", x => new { x.hour, x.owner_user_id, x.type, x.model, x.provider, x.status });
                });

            // What the model cannot say: the triggers that keep the rollups in step, and the backfill of existing rows.
            migrationBuilder.Sql(RollupSql.SqliteUp());
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(RollupSql.SqliteDown);

            migrationBuilder.DropTable(
                name: "interaction_latency_buckets");

            migrationBuilder.DropTable(
                name: "interaction_rollups");
        }
    }
}
