using System.Buffers;
using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.AI;
using Platform.Core.Data;
using Platform.Core.Gateway.Providers;
using Platform.Core.Interactions;

namespace Platform.Core.Gateway.Pipeline;

/// <summary>
/// Builds the interactions row for one gateway call from its context and its outcome. What a provider sent back
/// passes through <see cref="StorableText"/> here, the one place both sync calls and jobs build their rows.
/// </summary>
internal static class InteractionRecord
{
    public static Interaction Create(GatewayContext context, IList<ChatMessage> messages, ChatOptions? options, bool streamed, DateTime now)
    {
        var last = messages.LastOrDefault(m => m.Role == ChatRole.User)?.Text;
        return new Interaction
        {
            Id = context.InteractionId,
            Type = context.InteractionType,
            Status = InteractionStatus.Processing,
            Source = context.Source,
            MessagesJson = MessagesJson(messages),
            RenderedPrompt = StorableText.Clean(last),
            ModelRequested = context.ModelRequested ?? options?.ModelId,
            OwnerUserId = context.OwnerUserId,
            EndUserId = context.EndUserId,
            SessionId = context.SessionId,
            MetadataJson = context.Metadata is { Count: > 0 } metadata ? JsonSerializer.Serialize(metadata) : null,
            PromptVersion = context.PromptVersion,
            InputVariablesJson = context.Variables is { Count: > 0 } variables ? JsonSerializer.Serialize(variables) : null,
            MissingVariablesJson = InteractionLabels.MissingJson(context.MissingVariables ?? []),
            TraceId = Activity.Current?.TraceId.ToString(),
            Streamed = streamed,
            CreatedAt = now,
        };
    }

    /// <summary>
    /// <c>[{"role":..,"content":..}, ...]</c>, the same text JsonSerializer makes of those pairs (same default encoder),
    /// written directly: this runs on every call, and the serializer's path through anonymous types costs more than the writing.
    /// </summary>
    internal static string MessagesJson(IList<ChatMessage> messages)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartArray();
            foreach (var message in messages)
            {
                json.WriteStartObject();
                json.WriteString("role", message.Role.Value);
                json.WriteString("content", message.Text);
                json.WriteEndObject();
            }
            json.WriteEndArray();
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    public static void Complete(Interaction record, GatewayContext context, ChatResponse response, DateTime now)
    {
        record.Status = InteractionStatus.Completed;
        record.Response = StorableText.Clean(response.Text);
        record.Model = StorableText.Clean(response.ModelId) ?? record.ModelRequested;
        record.FinishReason = StorableText.Clean(response.FinishReason?.Value);
        record.InputTokens = ToInt(response.Usage?.InputTokenCount);
        record.OutputTokens = ToInt(response.Usage?.OutputTokenCount);
        record.CachedInputTokens = ToInt(response.Usage?.CachedInputTokenCount);
        record.TotalTokens = ToInt(response.Usage?.TotalTokenCount) ?? (record.InputTokens ?? 0) + (record.OutputTokens ?? 0);
        record.CostUsd = context.CostUsd;
        Finish(record, context, now);
    }

    public static void Fail(Interaction record, GatewayContext context, Exception error, string? partialText, DateTime now)
    {
        record.Status = InteractionStatus.Failed;
        record.Response = string.IsNullOrEmpty(partialText) ? null : StorableText.Clean(partialText);
        record.ErrorType = error is ProviderException provider ? ToSnake(provider.Kind.ToString()) : error.GetType().Name;
        record.ErrorMessage = StorableText.Clean(error.Message);
        record.ErrorDetails = ErrorDetails(error);
        Finish(record, context, now);
    }

    private static void Finish(Interaction record, GatewayContext context, DateTime now)
    {
        record.Provider = context.Provider;
        record.CacheHit = context.Cached;
        record.Attempts = context.Attempts;
        record.LatencyMs = Math.Round(context.ElapsedMs, 3);
        record.TimeToFirstTokenMs = context.TimeToFirstTokenMs is { } ttft ? Math.Round(ttft, 3) : null;
        record.CompletedAt = now;
    }

    /// <summary>Bounded: a provider's error body or a deep stack must not make one row megabytes.</summary>
    internal const int MaxErrorDetailsChars = 8000;

    /// <summary>
    /// For a provider error its status and message (the provider's error body, as the adapter read it) and what caused
    /// it; for anything else the exception with its stack, which is where a platform bug shows.
    /// </summary>
    private static string? ErrorDetails(Exception error)
    {
        var details = error is ProviderException provider
            ? $"provider {provider.Provider}, status {provider.StatusCode?.ToString() ?? "none"}, kind {provider.Kind}: {provider.Message}"
                + (provider.InnerException is { } inner ? "\n" + inner : "")
            : error.ToString();
        return StorableText.Clean(details.Length > MaxErrorDetailsChars ? details[..MaxErrorDetailsChars] : details);
    }

    private static int? ToInt(long? value) => value is null ? null : (int)Math.Min(value.Value, int.MaxValue);

    private static string ToSnake(string name) => string.Concat(name.Select((c, i) => i > 0 && char.IsUpper(c) ? "_" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));
}
