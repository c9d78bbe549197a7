namespace Platform.Core.Analytics;

/// <summary>The event types the pain point rules read; any other (custom) type is only counted.</summary>
public static class EventTypes
{
    public const string View = "view";
    public const string PageView = "pageview";
    public const string PageLeave = "pageleave";
    public const string Tap = "tap";
    public const string Click = "click";
    public const string Input = "input";
    public const string Submit = "submit";
    public const string Success = "success";
    public const string Conversion = "conversion";
    public const string Error = "error";
    public const string Dwell = "dwell";

    /// <summary>Events that say where the user is or how long they stayed, not what they did: left out of componentUsage.</summary>
    public static bool IsInteraction(string type) =>
        type is not (View or PageView or PageLeave or Dwell or Error or Success or Conversion);
}
