using System.Security.Claims;
using Platform.Core.Users;

namespace Platform.Api.Auth;

public static class PlatformClaims
{
    public const string UserId = "sub";
    public const string Scope = "scope";
    public const string KeyId = "key_id";
    public const string KeyPrefix = "key_prefix";

    public static Guid GetUserId(this ClaimsPrincipal user) => Guid.Parse(user.FindFirstValue(UserId)!);

    public static Guid GetKeyId(this ClaimsPrincipal user) => Guid.Parse(user.FindFirstValue(KeyId)!);

    public static ApiKeyScope GetScope(this ClaimsPrincipal user) => Enum.Parse<ApiKeyScope>(user.FindFirstValue(Scope)!, true);

    public static bool IsAdmin(this ClaimsPrincipal user) => user.GetScope() == ApiKeyScope.Admin;
}
