using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Platform.Api.Auth;
using Platform.Api.Infrastructure;
using Platform.Core.Data;
using Platform.Core.Interactions;
using Platform.Core.Interactions.Queries;

namespace Platform.Api.Interactions;

/// <summary>Validates the shared filters and applies who may see what: admins every owner (or the one asked for), members their own.</summary>
internal static class QueryScope
{
    public static Validation Validate(QueryParameters query, ClaimsPrincipal user, out InteractionFilter filter)
    {
        var validation = query.Validate(new Validation(), out filter);
        if (!user.IsAdmin())
        {
            var own = user.GetUserId();
            validation.Require(query.UserId is null || query.UserId == own, "userId", "members see only their own interactions; leave userId out.");
            filter = filter with { OwnerUserId = own };
        }
        return validation;
    }

    public static IQueryable<Interaction> Rows(PlatformDbContext db, InteractionFilter filter) =>
        db.Interactions.AsNoTracking().Apply(filter, db.Database.IsNpgsql());
}
