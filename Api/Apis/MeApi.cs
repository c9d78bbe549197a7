using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Platform.Api.Auth;
using Platform.Api.Users;
using Platform.Core.Users;

namespace Platform.Api.Apis;

public static class MeApi
{
    public static IEndpointRouteBuilder MapMeApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("api/me", GetMe).WithTags("Users").RequireAuthorization(Policies.Ingest)
            .WithName("GetMe").WithSummary("The user and key behind the calling API key");
        return app;
    }

    public static Ok<MeResponse> GetMe(ClaimsPrincipal user) =>
        TypedResults.Ok(new MeResponse(
            user.GetUserId(),
            user.Identity!.Name!,
            user.FindFirstValue(ClaimTypes.Email)!,
            Enum.Parse<UserRole>(user.FindFirstValue(ClaimTypes.Role)!, true),
            user.GetKeyId(),
            user.FindFirstValue(PlatformClaims.KeyPrefix)!,
            user.GetScope()));
}
