using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.AI;
using Platform.Core.Data;
using Platform.Core.Gateway;
using Platform.Core.Gateway.Pipeline;
using Platform.Core.Interactions;

namespace Platform.Core.Jobs.Llm;

/// <summary>A job's output row (an interactions row of type job) through its life: pending, processing, completed or failed.</summary>
public sealed class OutputStore(PlatformDbContext db, TimeProvider time)
{
    public Task StartAsync(Guid outputId, int attempt, CancellationToken cancellationToken) =>
        db.Interactions.Where(i => i.Id == outputId).ExecuteUpdateAsync(s => s
            .SetProperty(i => i.Status, InteractionStatus.Processing).SetProperty(i => i.Attempts, attempt), cancellationToken);

    /// <summary>The model answered: usage, cost, model and provider from the gateway, and what the format made of the text.</summary>
    public async Task RecordAnswerAsync(
        Guid outputId, ChatResponse response, GatewayContext context, FormattedOutput formatted, CancellationToken cancellationToken)
    {
        var output = await db.Interactions.FirstOrDefaultAsync(i => i.Id == outputId, cancellationToken)
            ?? throw new InvalidOperationException($"Output {outputId} does not exist.");
        var attempts = output.Attempts;
        InteractionRecord.Complete(output, context, response, time.GetUtcNow().UtcDateTime);
        output.Attempts = attempts;
        output.StructuredOutputJson = formatted.ParsedOutputJson;
        output.RenderedHtml = formatted.Html;
        if (!formatted.Succeeded)
        {
            // The raw answer stays visible; the job retries or fails, and OnEnded sets the final status.
            (output.Status, output.ErrorType, output.ErrorMessage, output.CompletedAt) =
                (InteractionStatus.Processing, "parse_error", StorableText.Clean(formatted.Error), null);
        }
        else
        {
            (output.ErrorType, output.ErrorMessage) = (null, null);
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>A retried job starts its output over: pending, nothing left of the failed run but the feedback.</summary>
    public Task ResetAsync(Guid outputId, CancellationToken cancellationToken) =>
        db.Interactions.Where(i => i.Id == outputId).ExecuteUpdateAsync(s => s
            .SetProperty(i => i.Status, InteractionStatus.Pending).SetProperty(i => i.ErrorType, (string?)null)
            .SetProperty(i => i.ErrorMessage, (string?)null).SetProperty(i => i.Response, (string?)null)
            .SetProperty(i => i.StructuredOutputJson, (string?)null).SetProperty(i => i.RenderedHtml, (string?)null)
            .SetProperty(i => i.CompletedAt, (DateTime?)null).SetProperty(i => i.Attempts, 0), cancellationToken);

    public Task SetFeedbackAsync(Guid outputId, string? feedback, string? comment, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        return db.Interactions.Where(i => i.Id == outputId).ExecuteUpdateAsync(s => s
            .SetProperty(i => i.Feedback, feedback).SetProperty(i => i.FeedbackComment, comment)
            .SetProperty(i => i.FeedbackAt, now), cancellationToken);
    }

    /// <summary>Pending again (a retry or a release) or failed for good, with the reason.</summary>
    public Task MarkAsync(Guid outputId, string status, string? errorType, string? error, CancellationToken cancellationToken)
    {
        DateTime? completed = status == InteractionStatus.Failed ? time.GetUtcNow().UtcDateTime : null;
        error = StorableText.Clean(error);
        return db.Interactions.Where(i => i.Id == outputId && i.Status != InteractionStatus.Completed).ExecuteUpdateAsync(s => s
            .SetProperty(i => i.Status, status).SetProperty(i => i.ErrorType, i => errorType ?? i.ErrorType)
            .SetProperty(i => i.ErrorMessage, i => error ?? i.ErrorMessage).SetProperty(i => i.CompletedAt, completed), cancellationToken);
    }
}
