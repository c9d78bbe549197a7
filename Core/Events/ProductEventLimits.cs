namespace Platform.Core.Events;

/// <summary>The size of every field a client controls: the columns are sized by these, and ingestion rejects anything longer.</summary>
public static class ProductEventLimits
{
    public const int MaxIdLength = 200;
    public const int MaxEventTypeLength = 64;
    public const int MaxUrlLength = 2048;
    public const int MaxTextLength = 4000;
    public const int MaxExtraBytes = 8 * 1024;
    public const int MaxBatch = 1000;
}
