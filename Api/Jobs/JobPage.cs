using Microsoft.EntityFrameworkCore;
using Platform.Core.Data;
using Platform.Core.Jobs;

namespace Platform.Api.Jobs;

/// <summary>
/// A page of the jobs list without their payloads (template and context can be large): the template preview, its
/// length and the model come from the job's output row, cut by the database.
/// </summary>
internal static class JobPage
{
    public static async Task<List<JobResponse>> ReadAsync(
        IQueryable<Job> jobs, PlatformDbContext db, int limit, int previewChars, CancellationToken ct)
    {
        var rows = await (
                from j in jobs.OrderByDescending(j => j.Id).Take(limit)
                join o in db.Interactions on j.OutputId equals (Guid?)o.Id into outputs
                from o in outputs.DefaultIfEmpty()
                orderby j.Id descending
                select new
                {
                    j.Id, j.Kind, j.Status, j.Priority, j.Progress, j.Attempts, j.MaxAttempts, j.OutputId, j.OwnerUserId, j.Error, j.ResultJson,
                    j.CreatedAt, j.RunAt, j.StartedAt, j.CompletedAt, j.NextAttemptAt,
                    Template = o!.Template!.Substring(0, previewChars), TemplateLength = (int?)o.Template!.Length, Model = o.ModelRequested,
                })
            .ToListAsync(ct);
        return rows.ConvertAll(r => JobResponse.From(new Job
        {
            Id = r.Id, Kind = r.Kind, Status = r.Status, Priority = r.Priority, Progress = r.Progress, Attempts = r.Attempts,
            MaxAttempts = r.MaxAttempts, OutputId = r.OutputId, OwnerUserId = r.OwnerUserId, Error = r.Error, ResultJson = r.ResultJson, CreatedAt = r.CreatedAt,
            RunAt = r.RunAt, StartedAt = r.StartedAt, CompletedAt = r.CompletedAt, NextAttemptAt = r.NextAttemptAt,
        }, r.Template, r.TemplateLength, r.Model));
    }
}
