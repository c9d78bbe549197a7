using CsvHelper;

namespace Platform.Api.Interactions;

/// <summary>
/// The CSV columns of an export, in order. Text that a spreadsheet would run as a formula is prefixed with ' by
/// the writer (its default injection protection); dates are ISO 8601.
/// </summary>
internal static class ExportCsv
{
    public static readonly string[] Header =
    [
        "id", "created_at", "completed_at", "type", "status", "source", "model", "model_requested", "provider", "prompt_version",
        "rendered_prompt", "input_variables", "response", "error_type", "error_message", "input_tokens", "output_tokens", "total_tokens",
        "cost_usd", "processing_time_ms", "time_to_first_token_ms", "feedback", "verdict", "feedback_comment", "quality_score", "edit_distance", "missing_variables",
        "metadata", "owner_user_id", "end_user_id", "session_id", "trace_id",
    ];

    public static void Write(CsvWriter csv, ExportRow r)
    {
        csv.WriteField(r.Id, default);
        csv.WriteField(r.CreatedAt, default);
        csv.WriteField(r.CompletedAt, default);
        csv.WriteField(r.Type);
        csv.WriteField(r.Status);
        csv.WriteField(r.Source);
        csv.WriteField(r.Model);
        csv.WriteField(r.ModelRequested);
        csv.WriteField(r.Provider);
        csv.WriteField(r.PromptVersion);
        csv.WriteField(r.RenderedPrompt);
        csv.WriteField(r.InputVariables);
        csv.WriteField(r.Response);
        csv.WriteField(r.ErrorType);
        csv.WriteField(r.ErrorMessage);
        csv.WriteField(r.InputTokens, default);
        csv.WriteField(r.OutputTokens, default);
        csv.WriteField(r.TotalTokens, default);
        csv.WriteField(r.CostUsd, default);
        csv.WriteField(r.ProcessingTimeMs, default);
        csv.WriteField(r.TimeToFirstTokenMs, default);
        csv.WriteField(r.Feedback);
        csv.WriteField(r.Verdict);
        csv.WriteField(r.FeedbackComment);
        csv.WriteField(r.QualityScore, default);
        csv.WriteField(r.EditDistance, default);
        csv.WriteField(r.MissingVariables);
        csv.WriteField(r.Metadata);
        csv.WriteField(r.OwnerUserId, default);
        csv.WriteField(r.EndUserId);
        csv.WriteField(r.SessionId);
        csv.WriteField(r.TraceId);
        csv.EndRecord();
    }
}
