using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Platform.Api.Auth;
using Platform.Api.Gateway;
using Platform.Api.Infrastructure;
using Platform.Api.Jobs;
using Platform.Api.RateLimits;
using Platform.Core.Data;
using Platform.Core.Gateway;
using Platform.Core.Jobs;
using Platform.Core.Jobs.Llm;
using Platform.Core.Limits;

namespace Platform.Api.Apis;

public static class JobsApi
{
    public static IEndpointRouteBuilder MapJobsApi(this IEndpointRouteBuilder app)
    {
        var maxBytes = app.ServiceProvider.GetRequiredService<IOptions<LimitOptions>>().Value.MaxJobRequestBytes;
        var api = app.MapGroup("api/jobs").WithTags("Jobs").RequireAuthorization(Policies.Member);
        api.MapPost("/", Enqueue).WithName("EnqueueJob").WithRequestLimit(maxBytes, $"{LimitOptions.Section}:MaxJobRequestBytes").WithSummary("Queue a templated prompt to run in the background")
            .WithUsageLimits(limitTokens: false);
        api.MapGet("/", List).WithName("ListJobs").WithSummary("Jobs, newest first, filtered by status, priority and time");
        api.MapGet("/stats", JobStatsQuery.GetAsync).WithName("GetJobStats").WithSummary("Counts per status and priority, throughput, queue latency");
        api.MapGet("/{id:guid}", Get).WithName("GetJob").WithSummary("A job's status, progress, attempts and result");
        api.MapPost("/{id:guid}/cancel", Cancel).WithName("CancelJob").WithSummary("Cancel a queued job at once, a running one at its next heartbeat");
        api.MapPost("/{id:guid}/retry", Retry).WithName("RetryJob").WithSummary("Queue a failed or cancelled job again from scratch");
        return app;
    }

    public static async Task<Results<Accepted<EnqueuedJobResponse>, Ok<EnqueuedJobResponse>, ValidationProblem>> Enqueue(
        EnqueueJobRequest request, ClaimsPrincipal user, LlmGateway gateway, LlmJobService jobs, IOptions<LimitOptions> limits, CancellationToken ct)
    {
        var validation = JobValidation.Validate(request, gateway, limits.Value);
        if (!validation.IsValid)
        {
            return TypedResults.ValidationProblem(validation.Errors);
        }
        EnqueuedJob enqueued;
        try
        {
            enqueued = await jobs.EnqueueAsync(new LlmJobRequest(
                request.Template, request.Model ?? gateway.Router.DefaultModel, request.Context, request.Format, request.Priority,
                request.MaxAttempts, request.RunAt?.UtcDateTime, request.IdempotencyKey, user.GetUserId())
            {
                Labels = request.Labels,
            }, ct);
        }
        catch (LimitExceededException e)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { [e.Field] = [e.Message] });
        }
        var body = Accepted(enqueued);
        return enqueued.Created ? TypedResults.Accepted($"/api/jobs/{enqueued.Job.Id}", body) : TypedResults.Ok(body);
    }

    public static async Task<Results<Ok<JobResponse>, ProblemHttpResult>> Get(Guid id, ClaimsPrincipal user, PlatformDbContext db, CancellationToken ct)
    {
        var job = await Visible(db, user).FirstOrDefaultAsync(j => j.Id == id, ct);
        return job is null ? Problems.NotFound("Job", id) : TypedResults.Ok(JobResponse.From(job));
    }

    public static async Task<Results<Ok<Page<JobResponse>>, ValidationProblem>> List(
        [AsParameters] JobListQuery query, ClaimsPrincipal user, PlatformDbContext db, IOptions<LimitOptions> limits, CancellationToken ct)
    {
        var validation = query.Validate(limits.Value.MaxPageSize, out var cursor, out var priority);
        if (!validation.IsValid)
        {
            return TypedResults.ValidationProblem(validation.Errors);
        }
        var jobs = Visible(db, user);
        jobs = query.Status is { } status ? jobs.Where(j => j.Status == status) : jobs;
        jobs = priority is { } p ? jobs.Where(j => j.Priority == p) : jobs;
        jobs = query.From is { } from ? jobs.Where(j => j.CreatedAt >= from.UtcDateTime) : jobs;
        jobs = query.To is { } to ? jobs.Where(j => j.CreatedAt < to.UtcDateTime) : jobs;
        jobs = cursor is { } after ? jobs.Where(j => j.Id < after) : jobs;
        var limit = Cursor.Limit(query.Limit, limits.Value.MaxPageSize);
        var page = await JobPage.ReadAsync(jobs, db, limit, limits.Value.PreviewChars, ct);
        return TypedResults.Ok(new Page<JobResponse>(page, Cursor.Next(page, limit, j => j.Id)));
    }

    public static async Task<Results<Ok<JobResponse>, ProblemHttpResult>> Cancel(
        Guid id, ClaimsPrincipal user, PlatformDbContext db, JobStore store, OutputStore outputs, ILogger<JobStore> logger, CancellationToken ct)
    {
        var job = await Visible(db, user).FirstOrDefaultAsync(j => j.Id == id, ct);
        if (job is null)
        {
            return Problems.NotFound("Job", id);
        }
        if (!await store.CancelAsync(id, ct))
        {
            return Problems.Conflict($"Job '{id}' is {job.Status} and can no longer be cancelled.");
        }
        var after = await db.Jobs.AsNoTracking().FirstAsync(j => j.Id == id, ct);
        logger.LogInformation("Job {job_id} {job_event} (output_id {output_id}, user_id {user_id})",
            id, after.Status == JobStatus.Cancelled ? "cancelled while queued" : "cancel requested while running", after.OutputId, user.GetUserId());
        if (after.Status == JobStatus.Cancelled && after.OutputId is { } outputId)
        {
            await outputs.MarkAsync(outputId, Core.Interactions.InteractionStatus.Failed, "cancelled", "The job was cancelled.", ct);
        }
        return TypedResults.Ok(JobResponse.From(after));
    }

    public static async Task<Results<Ok<JobResponse>, ProblemHttpResult>> Retry(
        Guid id, ClaimsPrincipal user, PlatformDbContext db, JobStore store, OutputStore outputs, ILogger<JobStore> logger, CancellationToken ct)
    {
        var job = await Visible(db, user).FirstOrDefaultAsync(j => j.Id == id, ct);
        if (job is null)
        {
            return Problems.NotFound("Job", id);
        }
        if (job.Status is not (JobStatus.Failed or JobStatus.Cancelled))
        {
            return Problems.Conflict($"Job '{id}' is {job.Status}: only failed or cancelled jobs can be retried.");
        }
        // The output first: once the job is queued a worker may finish it at once, and a later reset would undo that.
        if (job.OutputId is { } outputId)
        {
            await outputs.ResetAsync(outputId, ct);
        }
        if (!await store.RetryAsync(id, ct))
        {
            return Problems.Conflict($"Job '{id}' changed while being retried; it is no longer failed or cancelled.");
        }
        logger.LogInformation("Job {job_id} {job_event} (output_id {output_id}, user_id {user_id})", id, "queued again by retry", job.OutputId, user.GetUserId());
        return TypedResults.Ok(JobResponse.From(await db.Jobs.AsNoTracking().FirstAsync(j => j.Id == id, ct)));
    }

    internal static EnqueuedJobResponse Accepted(EnqueuedJob enqueued) =>
        new(enqueued.Job.Id, enqueued.Job.OutputId, enqueued.Job.Status, enqueued.EstimatedCompletion);

    /// <summary>Members see their own jobs only; another member's id answers 404, as if it did not exist.</summary>
    internal static IQueryable<Job> Visible(PlatformDbContext db, ClaimsPrincipal user)
    {
        var jobs = db.Jobs.AsNoTracking();
        if (user.IsAdmin())
        {
            return jobs;
        }
        var owner = user.GetUserId();
        return jobs.Where(j => j.OwnerUserId == owner);
    }
}
