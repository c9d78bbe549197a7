using System.Text.Json;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Platform.Core.Data;
using Platform.Core.Gateway;
using Platform.Core.Gateway.Providers;
using Platform.Core.Interactions;
using Platform.Core.Jobs.Processing;

namespace Platform.Core.Jobs.Llm;

/// <summary>
/// Runs a templated prompt through the gateway (the same pipeline as sync calls) and stores the answer on the job's
/// output row. Progress: 10 claimed, 30 prompt rendered, 70 provider answered, 90 parsed, 100 stored (by the runner).
/// </summary>
public sealed class LlmJobHandler(LlmGateway gateway) : IJobHandler
{
    public string Kind => LlmJobPayload.Kind;

    public async Task<string?> RunAsync(JobExecution execution, CancellationToken cancellationToken)
    {
        var job = execution.Job;
        var payload = LlmJobPayload.Parse(job.PayloadJson) ?? throw new PermanentJobException("The job's payload is not a valid LLM job.");
        var outputId = job.OutputId ?? throw new PermanentJobException("The job has no output to write to.");
        var outputs = execution.Services.GetRequiredService<OutputStore>();
        await execution.EnsureOwnerExistsAsync(cancellationToken);
        await outputs.StartAsync(outputId, execution.Attempt, cancellationToken);
        await execution.ReportProgressAsync(10, cancellationToken);

        // The same payload rendered the same prompt at enqueue, where it was stored on the output.
        var rendered = TemplateRenderer.Render(payload.Template, payload.Context);
        await execution.ReportProgressAsync(30, cancellationToken);

        // No response cache: a job (and its re-run) is asked for on purpose. The output row is the record, so the
        // gateway's own interaction recording is off.
        var context = new GatewayContext
        {
            Source = "job", InteractionType = InteractionTypes.Job, OwnerUserId = job.OwnerUserId,
            UseCache = false, RecordInteraction = false, InteractionId = outputId,
        };
        var response = await AskAsync(payload, rendered.Prompt, context, cancellationToken);
        await execution.ReportProgressAsync(70, cancellationToken);

        // Parsed JSON and rendered HTML are stored next to the raw answer: they are made from its storable form.
        var formatted = OutputFormatter.Format(payload.Format, StorableText.Clean(response.Text));
        await outputs.RecordAnswerAsync(outputId, response, context, formatted, cancellationToken);
        if (!formatted.Succeeded)
        {
            throw new JobAttemptException(formatted.Error!);
        }
        await execution.ReportProgressAsync(90, cancellationToken);
        return JsonSerializer.Serialize(new { outputId });
    }

    public Task OnEndedAsync(IServiceProvider services, Job job, JobEnd end, string? error, CancellationToken cancellationToken)
    {
        if (job.OutputId is not { } outputId)
        {
            return Task.CompletedTask;
        }
        var outputs = services.GetRequiredService<OutputStore>();
        return end switch
        {
            JobEnd.Retrying or JobEnd.Released => outputs.MarkAsync(outputId, InteractionStatus.Pending, null, error, cancellationToken),
            JobEnd.Cancelled => outputs.MarkAsync(outputId, InteractionStatus.Failed, "cancelled", "The job was cancelled.", cancellationToken),
            _ => outputs.MarkAsync(outputId, InteractionStatus.Failed, "job_failed", error, cancellationToken),
        };
    }

    private async Task<ChatResponse> AskAsync(LlmJobPayload payload, string prompt, GatewayContext context, CancellationToken cancellationToken)
    {
        ChatOptions options;
        try
        {
            options = gateway.Prepare(new ChatOptions
            {
                ModelId = payload.Model,
                ResponseFormat = payload.Format == OutputFormat.Json ? ChatResponseFormat.Json : null,
            }, context);
        }
        catch (GatewayException e)
        {
            throw new PermanentJobException(e.Message, e);
        }
        try
        {
            return await gateway.Client.GetResponseAsync([new ChatMessage(ChatRole.User, prompt)], options, cancellationToken);
        }
        catch (ProviderException e) when (e.Kind == ProviderErrorKind.InvalidRequest)
        {
            throw new PermanentJobException($"{e.Provider} rejected the request: {e.Message}", e);
        }
    }
}
