using System.Text.Json.Nodes;

namespace Platform.Core.Limits;

/// <summary>The caps on what a job is made of: template, context (size and depth) and the prompt they render to.</summary>
public static class JobInputLimits
{
    /// <summary>Null when the context fits, else the message naming the cap and the value.</summary>
    public static string? ContextProblem(JsonObject? context, LimitOptions limits)
    {
        if (context is null)
        {
            return null;
        }
        var depth = JsonMeasure.Depth(context);
        if (depth > limits.MaxContextDepth)
        {
            return $"nests {depth} levels deep; the limit is {limits.MaxContextDepth} ({LimitOptions.Section}:MaxContextDepth).";
        }
        var bytes = JsonMeasure.Bytes(context);
        return bytes > limits.MaxContextBytes
            ? $"is {bytes} bytes as JSON; the limit is {limits.MaxContextBytes} bytes ({LimitOptions.Section}:MaxContextBytes)."
            : null;
    }

    public static string? TemplateProblem(string template, LimitOptions limits) =>
        template.Length > limits.MaxTemplateChars
            ? $"is {template.Length} characters; the limit is {limits.MaxTemplateChars} ({LimitOptions.Section}:MaxTemplateChars)."
            : null;

    public static string PromptProblem(LimitOptions limits) =>
        $"renders to a prompt over {limits.MaxPromptChars} characters with this context; the limit is {limits.MaxPromptChars} ({LimitOptions.Section}:MaxPromptChars).";
}
