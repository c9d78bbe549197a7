using Microsoft.EntityFrameworkCore.Query;

namespace Platform.Core.Jobs;

internal static class JobSetters
{
    /// <summary>Leaves no lease behind, so no worker's guarded write can match the job any more.</summary>
    public static UpdateSettersBuilder<Job> ClearLease(this UpdateSettersBuilder<Job> setters) =>
        setters.SetProperty(j => j.LeaseOwner, (string?)null).SetProperty(j => j.LeaseExpiresAt, (DateTime?)null);
}
