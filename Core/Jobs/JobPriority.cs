namespace Platform.Core.Jobs;

/// <summary>Stored as the lowercase word; the numeric value is the claim order (<see cref="Job.PriorityRank"/>).</summary>
public enum JobPriority
{
    High = 0,
    Default = 1,
    Low = 2,
}
