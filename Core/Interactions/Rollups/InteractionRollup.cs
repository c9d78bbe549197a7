namespace Platform.Core.Interactions.Rollups;

/// <summary>
/// The sums of the interactions that share one UTC hour and one value of each metrics filter dimension, kept in
/// step with the interactions table by database triggers (insert, update, delete; migration InteractionRollups),
/// so every writer, bulk or tracked or ExecuteUpdate, keeps them exact. Empty dimensions are stored as
/// <see cref="None"/> / <see cref="Guid.Empty"/> because a NULL key would never conflict, so never be summed into.
/// </summary>
public sealed class InteractionRollup
{
    public const string None = "";

    /// <summary>Whole hours since the Unix epoch (UTC).</summary>
    public long Hour { get; set; }
    /// <summary><see cref="Guid.Empty"/> for interactions without an owner.</summary>
    public Guid OwnerUserId { get; set; }
    public required string Type { get; set; }
    /// <summary>The model that answered, else the one asked for (the model filter's rule); <see cref="None"/> when neither.</summary>
    public required string Model { get; set; }
    public required string Provider { get; set; }
    /// <summary>The status view: success | failure | partial | pending | processing.</summary>
    public required string Status { get; set; }

    public long Count { get; set; }
    public double CostUsd { get; set; }
    public long TotalTokens { get; set; }
    public long LatencyCount { get; set; }
    public double LatencySumMs { get; set; }
    public long QualityCount { get; set; }
    public double QualitySum { get; set; }
    /// <summary>Interactions with every variable present.</summary>
    public long Complete { get; set; }

    public long FeedbackNone { get; set; }
    public long FeedbackThumbsUp { get; set; }
    public long FeedbackThumbsDown { get; set; }
    public long FeedbackAccepted { get; set; }
    public long FeedbackRejected { get; set; }
    public long FeedbackModified { get; set; }
    /// <summary>Feedback values outside the known ones: a window holding any is answered from the raw rows.</summary>
    public long FeedbackOther { get; set; }
}

/// <summary>How many interactions of one rollup key took a latency in one <see cref="LatencyBuckets"/> bucket, and their sum.</summary>
public sealed class InteractionLatencyBucket
{
    public long Hour { get; set; }
    public Guid OwnerUserId { get; set; }
    public required string Type { get; set; }
    public required string Model { get; set; }
    public required string Provider { get; set; }
    public required string Status { get; set; }
    public int Bucket { get; set; }
    public long Count { get; set; }
    public double SumMs { get; set; }
}

/// <summary>
/// The latency histogram of one UTC day and owner, whatever the type, model, provider and status: the hourly one has
/// about one row per interaction when latencies are spread (each hour and dimension key holds a few values in
/// distinct buckets), this one ~1,000 rows a day, so 30 days by day without a dimension filter read ~30,000 rows.
/// </summary>
public sealed class InteractionDailyLatencyBucket
{
    /// <summary>Whole days since the Unix epoch (UTC).</summary>
    public long Day { get; set; }
    public Guid OwnerUserId { get; set; }
    public int Bucket { get; set; }
    public long Count { get; set; }
    public double SumMs { get; set; }
}
