using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Platform.Core.Jobs;

namespace Platform.Core.Data.Migrations;

/// <summary>The jobs table (see Job) and, on PostgreSQL, a NOTIFY on insert so that idle workers wake at once.</summary>
[DbContext(typeof(PlatformDbContext))]
[Migration("20261122020000_Jobs")]
public sealed class Jobs : Migration
{
    private const string Postgres = "Npgsql.EntityFrameworkCore.PostgreSQL";

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "jobs",
            columns: table => new
            {
                id = table.Column<Guid>(nullable: false),
                kind = table.Column<string>(maxLength: 64, nullable: false),
                priority = table.Column<string>(maxLength: 16, nullable: false),
                priority_rank = table.Column<int>(nullable: false),
                status = table.Column<string>(maxLength: 16, nullable: false),
                attempts = table.Column<int>(nullable: false),
                max_attempts = table.Column<int>(nullable: false),
                run_at = table.Column<DateTime>(nullable: false),
                next_attempt_at = table.Column<DateTime>(nullable: true),
                lease_owner = table.Column<string>(maxLength: 200, nullable: true),
                lease_expires_at = table.Column<DateTime>(nullable: true),
                progress = table.Column<int>(nullable: false),
                payload_json = table.Column<string>(nullable: false),
                result_json = table.Column<string>(nullable: true),
                error = table.Column<string>(nullable: true),
                output_id = table.Column<Guid>(nullable: true),
                owner_user_id = table.Column<Guid>(nullable: true),
                idempotency_key = table.Column<string>(maxLength: 200, nullable: true),
                cancel_requested = table.Column<bool>(nullable: false),
                created_at = table.Column<DateTime>(nullable: false),
                started_at = table.Column<DateTime>(nullable: true),
                completed_at = table.Column<DateTime>(nullable: true),
                updated_at = table.Column<DateTime>(nullable: false),
            },
            constraints: table => table.PrimaryKey("pk_jobs", x => x.id));
        migrationBuilder.CreateIndex(name: "ix_jobs_status_priority_rank_run_at", table: "jobs", columns: ["status", "priority_rank", "run_at"]);
        migrationBuilder.CreateIndex(
            name: "ix_jobs_owner_user_id_idempotency_key", table: "jobs", columns: ["owner_user_id", "idempotency_key"],
            unique: true, filter: "idempotency_key IS NOT NULL");
        migrationBuilder.CreateIndex(name: "ix_jobs_owner_user_id_created_at", table: "jobs", columns: ["owner_user_id", "created_at"]);
        migrationBuilder.CreateIndex(name: "ix_jobs_created_at", table: "jobs", column: "created_at");

        if (migrationBuilder.ActiveProvider == Postgres)
        {
            // Per statement, and PostgreSQL folds equal notifications within a transaction: a 100k-row COPY sends one.
            migrationBuilder.Sql($"""
                CREATE FUNCTION jobs_notify() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    PERFORM pg_notify('{JobStore.NotificationChannel}', '');
                    RETURN NULL;
                END $$;
                CREATE TRIGGER jobs_notify AFTER INSERT ON jobs FOR EACH STATEMENT EXECUTE FUNCTION jobs_notify();
                """);
        }
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(name: "jobs");
        if (migrationBuilder.ActiveProvider == Postgres)
        {
            migrationBuilder.Sql("DROP FUNCTION IF EXISTS jobs_notify();");
        }
    }
}
