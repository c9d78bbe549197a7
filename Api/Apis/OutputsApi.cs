using System.Security.Claims;
using System.Text.Json.Nodes;
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
using Platform.Core.Interactions;
using Platform.Core.Jobs.Llm;
using Platform.Core.Limits;

namespace Platform.Api.Apis;

public static class OutputsApi
{
    public static IEndpointRouteBuilder MapOutputsApi(this IEndpointRouteBuilder app)
    {
        var maxBytes = app.ServiceProvider.GetRequiredService<IOptions<LimitOptions>>().Value.MaxJobRequestBytes;
        var api = app.MapGroup("api/outputs").WithTags("Outputs").RequireAuthorization(Policies.Member);
        api.MapGet("/", List).WithName("ListOutputs").WithSummary("Job outputs, newest first, with previews of their texts");
        api.MapGet("/{id:guid}", Get).WithName("GetOutput").WithSummary("One output: prompt, raw and parsed answer, feedback, lineage")
            .Produces<OutputResponse>().ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPost("/{id:guid}/feedback", Feedback).WithName("RateOutput").WithSummary("Thumbs up, thumbs down or none, with a comment")
            .Produces<OutputResponse>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPost("/{id:guid}/rerun", Rerun).WithName("RerunOutput").WithSummary("Run the same job again: a new job and output linked to this one")
            .WithUsageLimits(limitTokens: false);
        api.MapPost("/{id:guid}/regenerate", Regenerate).WithName("RegenerateOutput")
            .WithRequestLimit(maxBytes, $"{LimitOptions.Section}:MaxJobRequestBytes")
            .WithSummary("Run again with context merged over the original and optionally another model").WithUsageLimits(limitTokens: false);
        return app;
    }

    public static async Task<Results<Ok<Page<OutputSummary>>, ValidationProblem>> List(
        [AsParameters] OutputListQuery query, ClaimsPrincipal user, PlatformDbContext db, IOptions<LimitOptions> limits, CancellationToken ct)
    {
        var validation = query.Validate(limits.Value.MaxPageSize, out var cursor);
        if (!validation.IsValid)
        {
            return TypedResults.ValidationProblem(validation.Errors);
        }
        var outputs = Visible(db, user);
        outputs = query.Status is { } status ? outputs.Where(o => o.Status == status) : outputs;
        outputs = query.Model is { } model ? outputs.Where(o => o.Model == model || (o.Model == null && o.ModelRequested == model)) : outputs;
        outputs = query.Template is { } template ? outputs.Where(o => o.Template == template) : outputs;
        outputs = query.Format is { } format ? outputs.Where(o => o.OutputFormat == format) : outputs;
        outputs = query.Feedback switch
        {
            null => outputs,
            OutputFeedback.None => outputs.Where(o => o.Feedback == null),
            var feedback => outputs.Where(o => o.Feedback == feedback),
        };
        outputs = cursor is { } after ? outputs.Where(o => o.Id < after) : outputs;
        var limit = Cursor.Limit(query.Limit, limits.Value.MaxPageSize);
        var page = await OutputPage.ReadAsync(outputs, limit, limits.Value.PreviewChars, ct);
        return TypedResults.Ok(new Page<OutputSummary>(page, Cursor.Next(page, limit, o => o.Id)));
    }

    public static async Task<IResult> Get(Guid id, ClaimsPrincipal user, PlatformDbContext db, CancellationToken ct) =>
        await OutputDocument.FindAsync(Visible(db, user), id, ct) is { } document ? document : Problems.NotFound("Output", id);

    public static async Task<IResult> Feedback(
        Guid id, FeedbackRequest request, ClaimsPrincipal user, PlatformDbContext db, OutputStore store, ILogger<OutputStore> logger, CancellationToken ct)
    {
        var validation = new Validation()
            .Require(OutputListQuery.FeedbackValues.Contains(request.Feedback), "feedback", "must be one of thumbs_up, thumbs_down, none.")
            .Text(request.Comment, "comment", 2000, required: false);
        if (!validation.IsValid)
        {
            return TypedResults.ValidationProblem(validation.Errors);
        }
        var output = await Visible(db, user).Where(o => o.Id == id)
            .Select(o => new { o.JobId, o.Template, Model = o.Model ?? o.ModelRequested }).FirstOrDefaultAsync(ct);
        if (output is null)
        {
            return Problems.NotFound("Output", id);
        }
        var feedback = request.Feedback == OutputFeedback.None ? null : request.Feedback;
        await store.SetFeedbackAsync(id, feedback, request.Comment, ct);
        logger.LogInformation("Output {output_id} rated {feedback} (job_id {job_id}, template {template}, model {model}, user_id {user_id})",
            id, request.Feedback, output.JobId, output.Template, output.Model, user.GetUserId());
        return await OutputDocument.FindAsync(Visible(db, user), id, ct) is { } document ? document : Problems.NotFound("Output", id);
    }

    public static Task<Results<Accepted<EnqueuedJobResponse>, ValidationProblem, ProblemHttpResult>> Rerun(
        Guid id, ClaimsPrincipal user, PlatformDbContext db, LlmJobService jobs, CancellationToken ct) =>
        DeriveAsync(id, null, null, user, db, jobs, ct);

    public static async Task<Results<Accepted<EnqueuedJobResponse>, ValidationProblem, ProblemHttpResult>> Regenerate(
        Guid id, RegenerateRequest request, ClaimsPrincipal user, PlatformDbContext db, LlmGateway gateway, LlmJobService jobs,
        IOptions<LimitOptions> limits, CancellationToken ct)
    {
        var validation = JobValidation.Model(JobValidation.Context(new Validation(), request.Context, limits.Value), request.Model, gateway);
        if (!validation.IsValid)
        {
            return TypedResults.ValidationProblem(validation.Errors);
        }
        return await DeriveAsync(id, request.Context, request.Model, user, db, jobs, ct);
    }

    private static async Task<Results<Accepted<EnqueuedJobResponse>, ValidationProblem, ProblemHttpResult>> DeriveAsync(
        Guid id, JsonObject? context, string? model, ClaimsPrincipal user, PlatformDbContext db, LlmJobService jobs, CancellationToken ct)
    {
        // Only what a derivation needs: the job behind the output carries the template and context.
        var output = await Visible(db, user).Where(o => o.Id == id)
            .Select(o => new Interaction { Id = o.Id, Type = o.Type, Status = o.Status, JobId = o.JobId, ModelRequested = o.ModelRequested })
            .FirstOrDefaultAsync(ct);
        if (output is null)
        {
            return Problems.NotFound("Output", id);
        }
        EnqueuedJob? enqueued;
        try
        {
            enqueued = await jobs.DeriveAsync(output, context, model, user.GetUserId(), ct);
        }
        catch (LimitExceededException e)
        {
            // The template with the merged context: "template" names the prompt cap, "context" the merged context's.
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { [e.Field] = [e.Message] });
        }
        if (enqueued is null)
        {
            return Problems.Conflict($"Output '{id}' has no job behind it to run again.");
        }
        return TypedResults.Accepted($"/api/jobs/{enqueued.Job.Id}", JobsApi.Accepted(enqueued));
    }

    /// <summary>Job outputs only; members see their own (another member's id answers 404).</summary>
    private static IQueryable<Interaction> Visible(PlatformDbContext db, ClaimsPrincipal user)
    {
        var outputs = db.Interactions.AsNoTracking().Where(o => o.JobId != null);
        if (user.IsAdmin())
        {
            return outputs;
        }
        var owner = user.GetUserId();
        return outputs.Where(o => o.OwnerUserId == owner);
    }
}
