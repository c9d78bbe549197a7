using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Platform.Api.Auth;
using Platform.Api.Infrastructure;
using Platform.Api.Users;
using Platform.Core.Data;
using Platform.Core.Users;

namespace Platform.Api.Apis;

public static class KeysApi
{
    public static IEndpointRouteBuilder MapKeysApi(this IEndpointRouteBuilder app)
    {
        var userKeys = app.MapGroup("api/users/{userId:guid}/keys").WithTags("API keys").RequireAuthorization(Policies.Admin);
        userKeys.MapPost("/", CreateKey).WithName("CreateKey").WithSummary("Create an API key for a user; the secret is shown once (admin)");
        userKeys.MapGet("/", ListKeys).WithName("ListKeys").WithSummary("List a user's API keys, without secrets (admin)");

        app.MapDelete("api/keys/{id:guid}", DeleteKey).WithTags("API keys").RequireAuthorization(Policies.Admin)
            .WithName("DeleteKey").WithSummary("Revoke an API key (admin)");
        return app;
    }

    public static async Task<Results<Created<CreatedApiKeyResponse>, ValidationProblem, ProblemHttpResult>> CreateKey(
        Guid userId, CreateKeyRequest request, PlatformDbContext db, CancellationToken ct)
    {
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == userId, ct);
        if (user is null)
        {
            return Problems.NotFound("User", userId);
        }
        var validation = UserValidation.Validate(request)
            .Require(ApiKeyScopes.AllowedFor(request.Scope, user.Role), "scope", "an admin key can only belong to an admin user.");
        if (!validation.IsValid)
        {
            return TypedResults.ValidationProblem(validation.Errors);
        }
        var secret = ApiKeySecrets.Generate();
        var key = new ApiKey
        {
            UserId = userId,
            Name = request.Name.Trim(),
            Prefix = ApiKeySecrets.VisiblePrefix(secret),
            Hash = ApiKeySecrets.Hash(secret),
            Scope = request.Scope,
        };
        db.ApiKeys.Add(key);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/users/{userId}/keys",
            new CreatedApiKeyResponse(key.Id, userId, key.Name, key.Prefix, key.Scope, key.CreatedAt, secret));
    }

    public static async Task<Results<Ok<List<ApiKeyResponse>>, ProblemHttpResult>> ListKeys(Guid userId, PlatformDbContext db, CancellationToken ct)
    {
        if (!await db.Users.AnyAsync(u => u.Id == userId, ct))
        {
            return Problems.NotFound("User", userId);
        }
        var keys = await db.ApiKeys.AsNoTracking().Where(k => k.UserId == userId).OrderBy(k => k.CreatedAt).ToListAsync(ct);
        return TypedResults.Ok(keys.ConvertAll(ApiKeyResponse.From));
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> DeleteKey(Guid id, PlatformDbContext db, ApiKeyStore keys, CancellationToken ct)
    {
        var key = await db.ApiKeys.FirstOrDefaultAsync(k => k.Id == id, ct);
        if (key is null)
        {
            return Problems.NotFound("API key", id);
        }
        db.ApiKeys.Remove(key);
        await db.SaveChangesAsync(ct);
        keys.Forget([key.Hash]);
        return TypedResults.NoContent();
    }
}
