using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Platform.Api.Auth;
using Platform.Api.Infrastructure;
using Platform.Api.RateLimits;
using Platform.Api.Users;
using Platform.Core.Data;

namespace Platform.Api.Apis;

/// <summary>Rate limits and budgets: admins set them on users and keys; everyone can see their own usage.</summary>
public static class LimitsApi
{
    public static IEndpointRouteBuilder MapLimitsApi(this IEndpointRouteBuilder app)
    {
        var admin = app.MapGroup("api").WithTags("Rate limits").RequireAuthorization(Policies.Admin);
        admin.MapPut("users/{id:guid}/limits", SetUserLimits).WithName("SetUserLimits")
            .WithSummary("Replace a user's requests and tokens per minute and daily and monthly USD budgets; null = default (admin)");
        admin.MapPut("keys/{id:guid}/limits", SetKeyLimits).WithName("SetKeyLimits")
            .WithSummary("Replace an API key's requests and tokens per minute; null = default (admin)");
        admin.MapGet("users/{id:guid}/usage", GetUserUsage).WithName("GetUserUsage")
            .WithSummary("A user's limits in force, this minute's counts and today's and this month's spend, per key too (admin)");
        app.MapGet("api/me/usage", GetMyUsage).WithTags("Rate limits").RequireAuthorization(Policies.Ingest).WithName("GetMyUsage")
            .WithSummary("The calling key's and its user's limits in force, this minute's counts and spend");
        return app;
    }

    public static async Task<Results<Ok<UserResponse>, ValidationProblem, ProblemHttpResult>> SetUserLimits(
        Guid id, UserLimitsDto request, PlatformDbContext db, ApiKeyStore keys, CancellationToken ct)
    {
        var validation = LimitValidation.Validate(request);
        if (!validation.IsValid)
        {
            return TypedResults.ValidationProblem(validation.Errors);
        }
        var user = await db.Users.Include(u => u.Keys).FirstOrDefaultAsync(u => u.Id == id, ct);
        if (user is null)
        {
            return Problems.NotFound("User", id);
        }
        user.Limits = request.ToEntity();
        user.UpdatedAt = DateTime.UtcNow;
        await db.SaveChangesAsync(ct);
        // Limits travel with the cached key identities: drop them here and on the other replicas.
        keys.Forget(user.Keys.Select(k => k.Hash));
        return TypedResults.Ok(UserResponse.From(user));
    }

    public static async Task<Results<Ok<ApiKeyResponse>, ValidationProblem, ProblemHttpResult>> SetKeyLimits(
        Guid id, KeyLimitsDto request, PlatformDbContext db, ApiKeyStore keys, CancellationToken ct)
    {
        var validation = LimitValidation.Validate(request);
        if (!validation.IsValid)
        {
            return TypedResults.ValidationProblem(validation.Errors);
        }
        var key = await db.ApiKeys.FirstOrDefaultAsync(k => k.Id == id, ct);
        if (key is null)
        {
            return Problems.NotFound("API key", id);
        }
        key.Limits = request.ToEntity();
        await db.SaveChangesAsync(ct);
        keys.Forget([key.Hash]);
        return TypedResults.Ok(ApiKeyResponse.From(key));
    }

    public static async Task<Results<Ok<UsageResponse>, ProblemHttpResult>> GetUserUsage(
        Guid id, PlatformDbContext db, UsageReport report, CancellationToken ct)
    {
        var user = await db.Users.AsNoTracking().Include(u => u.Keys).FirstOrDefaultAsync(u => u.Id == id, ct);
        if (user is null)
        {
            return Problems.NotFound("User", id);
        }
        var keys = user.Keys.OrderBy(k => k.CreatedAt).Select(k => (k.Id, k.Prefix, k.Limits)).ToList();
        return TypedResults.Ok(await report.ReadAsync(user.Id, user.Limits, keys, ct));
    }

    public static async Task<Ok<UsageResponse>> GetMyUsage(HttpContext http, UsageReport report, CancellationToken ct)
    {
        var identity = http.Features.Get<ApiKeyIdentity>()!;
        return TypedResults.Ok(await report.ReadAsync(identity.UserId, identity.UserLimits,
            [(identity.KeyId, identity.KeyPrefix, identity.KeyLimits)], ct));
    }
}
