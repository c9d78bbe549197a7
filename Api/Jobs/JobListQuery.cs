using Platform.Api.Infrastructure;
using Platform.Core.Jobs;

namespace Platform.Api.Jobs;

public sealed record JobListQuery(
    string? Status = null, string? Priority = null, DateTimeOffset? From = null, DateTimeOffset? To = null, int? Limit = null, string? Cursor = null)
{
    internal Validation Validate(int maxPageSize, out Guid? cursor, out JobPriority? priority)
    {
        priority = null;
        var validation = new Validation()
            .Require(Status is null || JobStatus.All.Contains(Status), "status", $"must be one of {string.Join(", ", JobStatus.All)}.")
            .PageSize(Limit, maxPageSize)
            .Require(Jobs.Cursor.TryDecode(Cursor, out cursor), "cursor", "is not a cursor this API returned.");
        if (Priority is not null)
        {
            var known = Enum.TryParse<JobPriority>(Priority, ignoreCase: true, out var parsed) && !int.TryParse(Priority, out _);
            validation.Require(known, "priority", "must be one of high, default, low.");
            priority = known ? parsed : null;
        }
        return validation;
    }
}
