using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Platform.Api.Auth;
using Platform.Api.Infrastructure;
using Platform.Api.Jobs;
using Platform.Core.Data;
using Platform.Core.Gateway;
using Platform.Core.Interactions;
using Platform.Core.Jobs.Llm;

namespace Platform.Api.Apis;

public static class OutputsApi
{
    public static IEndpointRouteBuilder MapOutputsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("api/outputs").WithTags("Outputs").RequireAuthorization(Policies.Member);
        api.MapGet("/", List).WithName("ListOutputs").WithSummary("Job outputs, newest first");
        api.MapGet("/{id:guid}", Get).WithName("GetOutput").WithSummary("One output: prompt, raw and parsed answer, feedback, lineage");
        api.MapPost("/{id:guid}/feedback", Feedback).WithName("RateOutput").WithSummary("Thumbs up, thumbs down or none, with a comment");
        api.MapPost("/{id:guid}/rerun", Rerun).WithName("RerunOutput").WithSummary("Run the same job again: a new job and output linked to this one");
        api.MapPost("/{id:guid}/regenerate", Regenerate).WithName("RegenerateOutput")
            .WithSummary("Run again with context merged over the original and optionally another model");
        return app;
    }

    public static async Task<Results<Ok<Page<OutputResponse>>, ValidationProblem>> List(
        [AsParameters] OutputListQuery query, ClaimsPrincipal user, PlatformDbContext db, CancellationToken ct)
    {
        var validation = query.Validate(out var cursor);
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
        var limit = query.Limit ?? Cursor.DefaultLimit;
        var page = await outputs.OrderByDescending(o => o.Id).Take(limit).ToListAsync(ct);
        return TypedResults.Ok(new Page<OutputResponse>(page.ConvertAll(OutputResponse.From), Cursor.Next(page, limit, o => o.Id)));
    }

    public static async Task<Results<Ok<OutputResponse>, ProblemHttpResult>> Get(Guid id, ClaimsPrincipal user, PlatformDbContext db, CancellationToken ct)
    {
        var output = await Visible(db, user).FirstOrDefaultAsync(o => o.Id == id, ct);
        return output is null ? Problems.NotFound("Output", id) : TypedResults.Ok(OutputResponse.From(output));
    }

    public static async Task<Results<Ok<OutputResponse>, ValidationProblem, ProblemHttpResult>> Feedback(
        Guid id, FeedbackRequest request, ClaimsPrincipal user, PlatformDbContext db, OutputStore store, ILogger<OutputStore> logger, CancellationToken ct)
    {
        var validation = new Validation()
            .Require(OutputListQuery.FeedbackValues.Contains(request.Feedback), "feedback", "must be one of thumbs_up, thumbs_down, none.")
            .Text(request.Comment, "comment", 2000, required: false);
        if (!validation.IsValid)
        {
            return TypedResults.ValidationProblem(validation.Errors);
        }
        var output = await Visible(db, user).FirstOrDefaultAsync(o => o.Id == id, ct);
        if (output is null)
        {
            return Problems.NotFound("Output", id);
        }
        var feedback = request.Feedback == OutputFeedback.None ? null : request.Feedback;
        await store.SetFeedbackAsync(id, feedback, request.Comment, ct);
        logger.LogInformation("Output {output_id} rated {feedback} (job_id {job_id}, template {template}, model {model}, user_id {user_id})",
            id, request.Feedback, output.JobId, output.Template, output.Model ?? output.ModelRequested, user.GetUserId());
        (output.Feedback, output.FeedbackComment) = (feedback, request.Comment);
        return TypedResults.Ok(OutputResponse.From(output));
    }

    public static Task<Results<Accepted<EnqueuedJobResponse>, ValidationProblem, ProblemHttpResult>> Rerun(
        Guid id, ClaimsPrincipal user, PlatformDbContext db, LlmJobService jobs, CancellationToken ct) =>
        DeriveAsync(id, null, null, user, db, jobs, ct);

    public static async Task<Results<Accepted<EnqueuedJobResponse>, ValidationProblem, ProblemHttpResult>> Regenerate(
        Guid id, RegenerateRequest request, ClaimsPrincipal user, PlatformDbContext db, LlmGateway gateway, LlmJobService jobs, CancellationToken ct)
    {
        var validation = JobValidation.Model(new Validation(), request.Model, gateway);
        if (!validation.IsValid)
        {
            return TypedResults.ValidationProblem(validation.Errors);
        }
        return await DeriveAsync(id, request.Context, request.Model, user, db, jobs, ct);
    }

    private static async Task<Results<Accepted<EnqueuedJobResponse>, ValidationProblem, ProblemHttpResult>> DeriveAsync(
        Guid id, System.Text.Json.Nodes.JsonObject? context, string? model, ClaimsPrincipal user, PlatformDbContext db, LlmJobService jobs,
        CancellationToken ct)
    {
        var output = await Visible(db, user).FirstOrDefaultAsync(o => o.Id == id, ct);
        if (output is null)
        {
            return Problems.NotFound("Output", id);
        }
        var enqueued = await jobs.DeriveAsync(output, context, model, user.GetUserId(), ct);
        if (enqueued is null)
        {
            return Problems.Conflict($"Output '{id}' has no job behind it to run again.");
        }
        return TypedResults.Accepted($"/api/jobs/{enqueued.Job.Id}", JobsApi.Accepted(enqueued));
    }

    /// <summary>Job outputs only; members see their own (another member's id answers 404).</summary>
    private static IQueryable<Interaction> Visible(PlatformDbContext db, ClaimsPrincipal user)
    {
        var outputs = db.Interactions.AsNoTracking().Where(o => o.Type == InteractionTypes.Job);
        if (user.IsAdmin())
        {
            return outputs;
        }
        var owner = user.GetUserId();
        return outputs.Where(o => o.OwnerUserId == owner);
    }
}
