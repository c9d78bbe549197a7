using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Platform.Core.Data.Migrations;

/// <summary>The interactions table: one row per LLM generation (see Interaction).</summary>
[DbContext(typeof(PlatformDbContext))]
[Migration("20261122010000_Interactions")]
public sealed class Interactions : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "interactions",
            columns: table => new
            {
                id = table.Column<Guid>(nullable: false),
                type = table.Column<string>(maxLength: 32, nullable: false),
                status = table.Column<string>(maxLength: 16, nullable: false),
                source = table.Column<string>(maxLength: 32, nullable: true),
                messages_json = table.Column<string>(nullable: true),
                rendered_prompt = table.Column<string>(nullable: true),
                input_variables_json = table.Column<string>(nullable: true),
                response = table.Column<string>(nullable: true),
                structured_output_json = table.Column<string>(nullable: true),
                finish_reason = table.Column<string>(nullable: true),
                error_type = table.Column<string>(nullable: true),
                error_message = table.Column<string>(nullable: true),
                model_requested = table.Column<string>(maxLength: 200, nullable: true),
                model = table.Column<string>(maxLength: 200, nullable: true),
                provider = table.Column<string>(maxLength: 100, nullable: true),
                prompt_version = table.Column<string>(nullable: true),
                input_tokens = table.Column<int>(nullable: true),
                cached_input_tokens = table.Column<int>(nullable: true),
                output_tokens = table.Column<int>(nullable: true),
                total_tokens = table.Column<int>(nullable: true),
                cost_usd = table.Column<double>(nullable: true),
                latency_ms = table.Column<double>(nullable: true),
                time_to_first_token_ms = table.Column<double>(nullable: true),
                cache_hit = table.Column<bool>(nullable: false),
                streamed = table.Column<bool>(nullable: false),
                attempts = table.Column<int>(nullable: false),
                feedback = table.Column<string>(nullable: true),
                feedback_comment = table.Column<string>(nullable: true),
                quality_score = table.Column<double>(nullable: true),
                edit_distance = table.Column<int>(nullable: true),
                missing_variables_json = table.Column<string>(nullable: true),
                metadata_json = table.Column<string>(nullable: true),
                owner_user_id = table.Column<Guid>(nullable: true),
                end_user_id = table.Column<string>(nullable: true),
                session_id = table.Column<string>(nullable: true),
                trace_id = table.Column<string>(nullable: true),
                parent_id = table.Column<Guid>(nullable: true),
                created_at = table.Column<DateTime>(nullable: false),
                completed_at = table.Column<DateTime>(nullable: true),
            },
            constraints: table => table.PrimaryKey("pk_interactions", x => x.id));
        migrationBuilder.CreateIndex(name: "ix_interactions_owner_user_id_created_at", table: "interactions", columns: ["owner_user_id", "created_at"]);
        migrationBuilder.CreateIndex(name: "ix_interactions_created_at", table: "interactions", column: "created_at");
        migrationBuilder.CreateIndex(name: "ix_interactions_status", table: "interactions", column: "status");
    }

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropTable(name: "interactions");
}
