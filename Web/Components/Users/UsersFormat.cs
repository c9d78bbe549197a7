using Platform.Web.Api;
using Radzen;

namespace Platform.Web.Components.Users;

public static class UsersFormat
{
    public static readonly string[] Roles = ["member", "admin"];

    /// <summary>Least powerful first, as the Api orders them; an admin key needs an admin user.</summary>
    public static readonly string[] Scopes = ["ingest", "member", "admin"];

    public static string Status(ApiUserInfo user) => user.IsDisabled ? "disabled" : "active";

    public static BadgeStyle StatusBadge(ApiUserInfo user) => user.IsDisabled ? BadgeStyle.Light : BadgeStyle.Success;

    public static BadgeStyle RoleBadge(string role) => role == "admin" ? BadgeStyle.Primary : BadgeStyle.Base;

    public static IEnumerable<string> ScopesFor(ApiUserInfo user) => user.Role == "admin" ? Scopes : Scopes.Where(s => s != "admin");
}
