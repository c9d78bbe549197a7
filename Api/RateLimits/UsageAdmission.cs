namespace Platform.Api.RateLimits;

/// <summary>The gate's answer: refused with a reason, admitted with a lease to charge, or admitted with no limits at all.</summary>
public sealed record UsageAdmission(RateLimitRejection? Rejection, UsageLease? Lease)
{
    public static readonly UsageAdmission Unlimited = new(null, null);
}
