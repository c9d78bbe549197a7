namespace Platform.Core.Contracts;

/// <summary>The size of what a client sends: the API refuses anything larger with a 400 naming the field.</summary>
public static class ContractLimits
{
    public const int MaxUserIdLength = 200;

    /// <summary>A base contract's serialized size (256 KiB): far above a real screen set, far below a prompt that would not fit.</summary>
    public const int MaxContractBytes = 256 * 1024;

    public const int MaxModelLength = 200;
    public const int DefaultListLimit = 50;
    public const int MaxListLimit = 200;
}
