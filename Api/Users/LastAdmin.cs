using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Platform.Api.Infrastructure;
using Platform.Core.Data;
using Platform.Core.Users;

namespace Platform.Api.Users;

/// <summary>Someone must always be able to manage users: the last enabled admin cannot be demoted, disabled or deleted.</summary>
internal static class LastAdmin
{
    /// <summary>A 409 naming <paramref name="action"/> when <paramref name="user"/> is the only enabled admin; otherwise null.</summary>
    public static async Task<ProblemHttpResult?> RefuseAsync(PlatformDbContext db, User user, string action, CancellationToken ct)
    {
        if (user.Role != UserRole.Admin || user.DisabledAt is not null)
        {
            return null;
        }
        var otherAdmins = await db.Users.AnyAsync(u => u.Id != user.Id && u.Role == UserRole.Admin && u.DisabledAt == null, ct);
        return otherAdmins
            ? null
            : Problems.Conflict($"'{user.Email}' is the last admin and cannot be {action}: make another user an admin first.");
    }
}
