using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;

namespace Platform.Core.Gateway.Pipeline;

/// <summary>OpenTelemetry GenAI semantic conventions: a "chat {model}" span per call, token and duration metrics.</summary>
public sealed class TelemetryChatClient(IChatClient inner) : DelegatingChatClient(inner)
{
    public const string SourceName = "Platform.Gateway";
    private static readonly ActivitySource Source = new(SourceName);
    private static readonly Meter Meter = new(SourceName);
    private static readonly Histogram<long> TokenUsage = Meter.CreateHistogram<long>(
        "gen_ai.client.token.usage", "{token}", "Tokens used per call, by gen_ai.token.type (input/output).");
    private static readonly Histogram<double> Duration = Meter.CreateHistogram<double>(
        "gen_ai.client.operation.duration", "s", "Duration of gateway chat calls.");

    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var context = GatewayContext.Of(options);
        using var activity = Start(options, context);
        try
        {
            var response = await base.GetResponseAsync(messages, options, cancellationToken);
            Finish(activity, context, options, response, error: null);
            return response;
        }
        catch (Exception ex)
        {
            Finish(activity, context, options, response: null, ex);
            throw;
        }
    }

    public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var context = GatewayContext.Of(options);
        using var activity = Start(options, context);
        var updates = new List<ChatResponseUpdate>();
        await using var enumerator = base.GetStreamingResponseAsync(messages, options, cancellationToken).GetAsyncEnumerator(cancellationToken);
        while (true)
        {
            try
            {
                if (!await enumerator.MoveNextAsync())
                {
                    break;
                }
            }
            catch (Exception ex)
            {
                Finish(activity, context, options, response: null, ex);
                throw;
            }
            updates.Add(enumerator.Current);
            yield return enumerator.Current;
        }
        Finish(activity, context, options, updates.ToChatResponse(), error: null);
    }

    private static Activity? Start(ChatOptions? options, GatewayContext context)
    {
        var activity = Source.StartActivity($"chat {options?.ModelId}", ActivityKind.Client);
        activity?.SetTag("gen_ai.operation.name", "chat");
        activity?.SetTag("gen_ai.request.model", options?.ModelId);
        activity?.SetTag("platform.interaction_id", context.InteractionId.ToString());
        return activity;
    }

    private static void Finish(Activity? activity, GatewayContext context, ChatOptions? options, ChatResponse? response, Exception? error)
    {
        TagList tags = default;
        tags.Add("gen_ai.operation.name", "chat");
        tags.Add("gen_ai.provider.name", context.Provider);
        tags.Add("gen_ai.request.model", options?.ModelId);
        if (response is not null)
        {
            tags.Add("gen_ai.response.model", response.ModelId);
        }
        if (error is not null)
        {
            tags.Add("error.type", error.GetType().Name);
        }
        Duration.Record(context.ElapsedMs / 1000, tags);
        if (response?.Usage is { } usage)
        {
            RecordTokens(tags, "input", usage.InputTokenCount);
            RecordTokens(tags, "output", usage.OutputTokenCount);
        }

        if (activity is null)
        {
            return;
        }
        activity.SetTag("gen_ai.provider.name", context.Provider);
        activity.SetTag("platform.cache_hit", context.Cached);
        activity.SetTag("platform.attempts", context.Attempts);
        if (response is not null)
        {
            activity.SetTag("gen_ai.response.model", response.ModelId);
            activity.SetTag("gen_ai.usage.input_tokens", response.Usage?.InputTokenCount);
            activity.SetTag("gen_ai.usage.output_tokens", response.Usage?.OutputTokenCount);
            activity.SetTag("gen_ai.response.finish_reasons", response.FinishReason is { } reason ? new[] { reason.Value } : null);
        }
        if (error is not null)
        {
            activity.SetStatus(ActivityStatusCode.Error, error.Message);
            activity.SetTag("error.type", error.GetType().Name);
        }
    }

    private static void RecordTokens(TagList tags, string type, long? count)
    {
        if (count is { } value)
        {
            tags.Add("gen_ai.token.type", type);
            TokenUsage.Record(value, tags);
        }
    }
}
