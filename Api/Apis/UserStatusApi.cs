using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Platform.Api.Auth;
using Platform.Api.Infrastructure;
using Platform.Api.Users;
using Platform.Core.Data;

namespace Platform.Api.Apis;

/// <summary>Disabling keeps a user's records and keys but refuses the keys; enabling makes them work again.</summary>
public static class UserStatusApi
{
    public static async Task<Results<Ok<UserResponse>, ProblemHttpResult>> DisableUser(
        Guid id, PlatformDbContext db, ApiKeyStore keys, TimeProvider clock, CancellationToken ct)
    {
        var user = await db.Users.Include(u => u.Keys).FirstOrDefaultAsync(u => u.Id == id, ct);
        if (user is null)
        {
            return Problems.NotFound("User", id);
        }
        if (await LastAdmin.RefuseAsync(db, user, "disabled", ct) is { } lastAdmin)
        {
            return lastAdmin;
        }
        if (user.DisabledAt is null)
        {
            user.DisabledAt = user.UpdatedAt = clock.GetUtcNow().UtcDateTime;
            await db.SaveChangesAsync(ct);
        }
        keys.Forget(user.Keys.Select(k => k.Hash));
        return TypedResults.Ok(UserResponse.From(user));
    }

    public static async Task<Results<Ok<UserResponse>, ProblemHttpResult>> EnableUser(
        Guid id, PlatformDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var user = await db.Users.Include(u => u.Keys).FirstOrDefaultAsync(u => u.Id == id, ct);
        if (user is null)
        {
            return Problems.NotFound("User", id);
        }
        if (user.DisabledAt is not null)
        {
            user.DisabledAt = null;
            user.UpdatedAt = clock.GetUtcNow().UtcDateTime;
            await db.SaveChangesAsync(ct);
        }
        return TypedResults.Ok(UserResponse.From(user));
    }
}
