using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Platform.Core.Data.Migrations;

/// <summary>What a job's output row needs beyond a chat record: its job, template, format and sanitized rendering.</summary>
[DbContext(typeof(PlatformDbContext))]
[Migration("20261201000000_JobOutputs")]
public sealed class JobOutputs : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<Guid>(name: "job_id", table: "interactions", nullable: true);
        migrationBuilder.AddColumn<string>(name: "template", table: "interactions", nullable: true);
        migrationBuilder.AddColumn<string>(name: "output_format", table: "interactions", maxLength: 16, nullable: true);
        migrationBuilder.AddColumn<string>(name: "rendered_html", table: "interactions", nullable: true);
        migrationBuilder.CreateIndex(name: "ix_interactions_type_owner_user_id_created_at", table: "interactions", columns: ["type", "owner_user_id", "created_at"]);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropIndex(name: "ix_interactions_type_owner_user_id_created_at", table: "interactions");
        migrationBuilder.DropColumn(name: "rendered_html", table: "interactions");
        migrationBuilder.DropColumn(name: "output_format", table: "interactions");
        migrationBuilder.DropColumn(name: "template", table: "interactions");
        migrationBuilder.DropColumn(name: "job_id", table: "interactions");
    }
}
