using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Platform.Api.Auth;
using Platform.Api.Infrastructure;
using Platform.Api.Users;
using Platform.Core.Data;
using Platform.Core.Jobs.Llm;
using Platform.Core.Users;

namespace Platform.Api.Apis;

public static class UsersApi
{
    public static IEndpointRouteBuilder MapUsersApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("api/users").WithTags("Users").RequireAuthorization(Policies.Admin);
        api.MapPost("/", CreateUser).WithName("CreateUser").WithSummary("Create a user (admin)");
        api.MapGet("/", ListUsers).WithName("ListUsers").WithSummary("List users (admin)");
        api.MapGet("/{id:guid}", GetUser).WithName("GetUser").WithSummary("Get a user (admin)");
        api.MapPatch("/{id:guid}", UpdateUser).WithName("UpdateUser").WithSummary("Change a user's name, email or role (admin)");
        api.MapDelete("/{id:guid}", DeleteUser).WithName("DeleteUser").WithSummary("Delete a user and their keys (admin)");
        api.MapPost("/{id:guid}/disable", UserStatusApi.DisableUser).WithName("DisableUser").WithSummary("Disable a user: their keys answer 401 until enabled again (admin)");
        api.MapPost("/{id:guid}/enable", UserStatusApi.EnableUser).WithName("EnableUser").WithSummary("Enable a disabled user again (admin)");
        return app;
    }

    public static async Task<Results<Created<UserResponse>, ValidationProblem, ProblemHttpResult>> CreateUser(
        CreateUserRequest request, PlatformDbContext db, CancellationToken ct)
    {
        var validation = UserValidation.Validate(request);
        if (!validation.IsValid)
        {
            return TypedResults.ValidationProblem(validation.Errors);
        }
        var email = UserValidation.NormalizeEmail(request.Email);
        if (await db.Users.AnyAsync(u => u.Email == email, ct))
        {
            return Problems.Conflict($"A user with email '{email}' already exists.");
        }
        var user = new User { Name = request.Name.Trim(), Email = email, Role = request.Role };
        db.Users.Add(user);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/users/{user.Id}", UserResponse.From(user));
    }

    public static async Task<Ok<List<UserResponse>>> ListUsers(PlatformDbContext db, CancellationToken ct)
    {
        var users = await db.Users.AsNoTracking().Include(u => u.Keys).OrderBy(u => u.CreatedAt).ToListAsync(ct);
        return TypedResults.Ok(users.ConvertAll(UserResponse.From));
    }

    public static async Task<Results<Ok<UserResponse>, ProblemHttpResult>> GetUser(Guid id, PlatformDbContext db, CancellationToken ct)
    {
        var user = await db.Users.AsNoTracking().Include(u => u.Keys).FirstOrDefaultAsync(u => u.Id == id, ct);
        return user is null ? Problems.NotFound("User", id) : TypedResults.Ok(UserResponse.From(user));
    }

    public static async Task<Results<Ok<UserResponse>, ValidationProblem, ProblemHttpResult>> UpdateUser(
        Guid id, UpdateUserRequest request, PlatformDbContext db, ApiKeyStore keys, CancellationToken ct)
    {
        var validation = UserValidation.Validate(request);
        if (!validation.IsValid)
        {
            return TypedResults.ValidationProblem(validation.Errors);
        }
        var user = await db.Users.Include(u => u.Keys).FirstOrDefaultAsync(u => u.Id == id, ct);
        if (user is null)
        {
            return Problems.NotFound("User", id);
        }
        if (request.Email is not null)
        {
            var email = UserValidation.NormalizeEmail(request.Email);
            if (email != user.Email && await db.Users.AnyAsync(u => u.Email == email, ct))
            {
                return Problems.Conflict($"A user with email '{email}' already exists.");
            }
            user.Email = email;
        }
        if (request.Role == UserRole.Member && await LastAdmin.RefuseAsync(db, user, "demoted", ct) is { } lastAdmin)
        {
            return lastAdmin;
        }
        user.Name = request.Name?.Trim() ?? user.Name;
        user.Role = request.Role ?? user.Role;
        user.UpdatedAt = DateTime.UtcNow;
        await db.SaveChangesAsync(ct);
        // A role change alters what the user's keys may do: drop their cached identities.
        keys.Forget(user.Keys.Select(k => k.Hash));
        return TypedResults.Ok(UserResponse.From(user));
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> DeleteUser(
        Guid id, ClaimsPrincipal caller, PlatformDbContext db, ApiKeyStore keys, LlmJobService jobs, CancellationToken ct)
    {
        var user = await db.Users.Include(u => u.Keys).FirstOrDefaultAsync(u => u.Id == id, ct);
        if (user is null)
        {
            return Problems.NotFound("User", id);
        }
        if (await LastAdmin.RefuseAsync(db, user, "deleted", ct) is { } lastAdmin)
        {
            return lastAdmin;
        }
        if (caller.GetUserId() == id)
        {
            return Problems.Conflict("You cannot delete the user you are signed in as.");
        }
        db.Users.Remove(user);
        await db.SaveChangesAsync(ct);
        keys.Forget(user.Keys.Select(k => k.Hash));
        await jobs.CancelOwnedAsync(id, ct);
        return TypedResults.NoContent();
    }
}
