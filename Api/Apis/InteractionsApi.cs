using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Platform.Api.Auth;
using Platform.Api.Infrastructure;
using Platform.Api.Interactions;
using Platform.Core.Data;
using Platform.Core.Interactions;

namespace Platform.Api.Apis;

/// <summary>One interaction record and its feedback; the list, metrics and exports are in InteractionQueriesApi.</summary>
public static class InteractionsApi
{
    public static IEndpointRouteBuilder MapInteractionsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("api/interactions").WithTags("Interactions").RequireAuthorization(Policies.Member);
        api.MapGet("/{id:guid}", Get).WithName("GetInteraction")
            .WithSummary("One interaction: prompt, variables, response, error, model asked and answered, tokens, cost, feedback");
        api.MapPost("/{id:guid}/feedback", Feedback).WithName("GiveInteractionFeedback")
            .WithSummary("Verdict, thumbs rating, quality score 0-100, comment, and the user's edited text (sets the edit distance)");
        return app;
    }

    public static async Task<Results<Ok<InteractionDetail>, ProblemHttpResult>> Get(
        Guid id, ClaimsPrincipal user, PlatformDbContext db, CancellationToken ct) =>
        await FindAsync(id, user, db, ct) is { } detail ? TypedResults.Ok(detail) : Problems.NotFound("Interaction", id);

    public static async Task<Results<Ok<InteractionDetail>, ValidationProblem, ProblemHttpResult>> Feedback(
        Guid id, InteractionFeedbackRequest request, ClaimsPrincipal user, PlatformDbContext db, InteractionFeedbackStore store,
        ILogger<InteractionFeedbackStore> logger, CancellationToken ct)
    {
        var validation = request.Validate();
        if (!validation.IsValid)
        {
            return TypedResults.ValidationProblem(validation.Errors);
        }
        switch (await store.ApplyAsync(Visible(db, user), id, request.ToFeedback(), ct))
        {
            case FeedbackOutcome.NotFound:
                return Problems.NotFound("Interaction", id);
            case FeedbackOutcome.ResponseTooLong:
                return TypedResults.ValidationProblem(new Dictionary<string, string[]>
                {
                    ["editedText"] = [$"the interaction's response is over {EditDistance.MaxChars} characters; its edit distance is not computed."],
                });
        }
        logger.LogInformation("Interaction {interaction_id} feedback: verdict {verdict}, rating {rating}, quality {quality_score} (user_id {user_id})",
            id, request.Verdict, request.Rating, request.QualityScore, user.GetUserId());
        return await FindAsync(id, user, db, ct) is { } detail ? TypedResults.Ok(detail) : Problems.NotFound("Interaction", id);
    }

    private static async Task<InteractionDetail?> FindAsync(Guid id, ClaimsPrincipal user, PlatformDbContext db, CancellationToken ct) =>
        await Visible(db, user).FirstOrDefaultAsync(i => i.Id == id, ct) is { } record ? InteractionDetail.From(record) : null;

    /// <summary>Members see their own records (another member's id answers 404, as a missing one does); admins see all. The query endpoints filter on it too.</summary>
    internal static IQueryable<Interaction> Visible(PlatformDbContext db, ClaimsPrincipal user)
    {
        var records = db.Interactions.AsNoTracking();
        if (user.IsAdmin())
        {
            return records;
        }
        var owner = user.GetUserId();
        return records.Where(i => i.OwnerUserId == owner);
    }
}
