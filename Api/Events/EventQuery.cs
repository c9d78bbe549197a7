using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Platform.Api.Auth;
using Platform.Api.Infrastructure;
using Platform.Api.Interactions;
using Platform.Core.Data;
using Platform.Core.Events;

namespace Platform.Api.Events;

/// <summary>
/// The filters of GET /api/events and its export. Events are the team's product data, but a member sees only the
/// events sent with keys of their own user (OwnerUserId), as with interactions; an admin sees all of them.
/// </summary>
public sealed record EventQuery(string? UserId = null, string? SessionId = null, string? EventType = null, string? From = null, string? To = null)
{
    internal Validation Validate(Validation validation, out DateTime? from, out DateTime? to)
    {
        from = QueryParameters.ParseTime(From, "from", validation);
        to = QueryParameters.ParseTime(To, "to", validation);
        return validation
            .Require(from is null || to is null || from < to, "to", "must be after from.")
            .Text(UserId, "userId", ProductEventLimits.MaxIdLength, required: false)
            .Text(SessionId, "sessionId", ProductEventLimits.MaxIdLength, required: false)
            .Text(EventType, "eventType", ProductEventLimits.MaxEventTypeLength, required: false);
    }

    internal IQueryable<ProductEvent> Apply(PlatformDbContext db, ClaimsPrincipal user, DateTime? from, DateTime? to)
    {
        var rows = db.ProductEvents.AsNoTracking();
        if (!user.IsAdmin())
        {
            var owner = user.GetUserId();
            rows = rows.Where(e => e.OwnerUserId == owner);
        }
        if (UserId is not null)
        {
            rows = rows.Where(e => e.UserId == UserId);
        }
        if (SessionId is not null)
        {
            rows = rows.Where(e => e.SessionId == SessionId);
        }
        if (EventType is not null)
        {
            rows = rows.Where(e => e.EventType == EventType);
        }
        if (from is { } start)
        {
            rows = rows.Where(e => e.Timestamp >= start);
        }
        if (to is { } end)
        {
            rows = rows.Where(e => e.Timestamp < end);
        }
        return rows;
    }
}
