using System.Security.Claims;
using Microsoft.Extensions.AI;
using Platform.Api.Auth;
using Platform.Core.Gateway;
using Platform.Core.Interactions;

namespace Platform.Api.Gateway;

/// <summary>Between the platform's chat contract and Microsoft.Extensions.AI's types.</summary>
internal static class ChatMapping
{
    public static GatewayContext Context(ChatRequest request, ClaimsPrincipal user, HttpContext http, string source) => new()
    {
        Source = source,
        OwnerUserId = user.GetUserId(),
        EndUserId = request.UserId,
        SessionId = request.SessionId,
        ProviderHint = request.Provider,
        UseCache = request.UseCache,
        Metadata = request.Metadata,
        InteractionType = request.Type ?? InteractionTypes.Chat,
        PromptVersion = request.PromptVersion,
        Variables = request.Variables,
        MissingVariables = request.Labels.Missing(v => request.Variables?.GetValueOrDefault(v) is { Length: > 0 }),
        StartedTimestamp = http.RequestStart(),
    };

    public static ChatOptions Options(ChatRequest request) => new()
    {
        ModelId = request.Model,
        MaxOutputTokens = request.MaxTokens,
        Temperature = request.Temperature,
        ResponseFormat = request.ResponseFormat == "json" ? ChatResponseFormat.Json : null,
    };

    public static List<ChatMessage> Messages(ChatRequest request) =>
        request.Messages.Select(m => new ChatMessage(new ChatRole(m.Role), m.Content)).ToList();

    public static ChatResponseDto Response(ChatResponse response, GatewayContext context)
    {
        var input = response.Usage?.InputTokenCount ?? 0;
        var output = response.Usage?.OutputTokenCount ?? 0;
        return new ChatResponseDto(
            response.ResponseId ?? context.InteractionId.ToString(),
            response.Text,
            response.ModelId ?? context.ModelRequested,
            new UsageDto(input, output, response.Usage?.TotalTokenCount ?? input + output),
            response.FinishReason?.Value,
            context.Provider,
            context.Cached,
            context.CostUsd,
            Math.Round(context.ElapsedMs, 3),
            context.InteractionId,
            context.ModelRequested);
    }
}
