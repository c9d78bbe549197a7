namespace Platform.Api.Demo;

/// <summary>
/// Demo:* settings. IngestKey goes to the browser (tracker.js); MemberKey stays on the server and pays for the answers.
/// Each is an existing key, or a secret of the operator's choosing that the Api gives to a demo@localhost member at start.
/// </summary>
public sealed class DemoOptions
{
    public const string Section = "Demo";

    public string? IngestKey { get; set; }
    public string? MemberKey { get; set; }

    /// <summary>The model that answers; unset means the gateway's default model.</summary>
    public string? Model { get; set; }
}
