using Platform.Api.Infrastructure;

namespace Platform.Api.Gateway;

internal static class ChatValidation
{
    private const int MaxVariables = 100;
    private static readonly string[] Roles = ["system", "user", "assistant"];

    public static Validation Validate(ChatRequest request, int maxMessages)
    {
        var validation = new Validation()
            .Require(request.Messages.Count > 0, "messages", "must hold at least one message.")
            .Require(request.Messages.Count <= maxMessages, "messages", MessageCount(request.Messages.Count, maxMessages))
            .Require(request.MaxTokens is null or (> 0 and <= 1_000_000), "maxTokens", "must be between 1 and 1000000.")
            .Require(request.Temperature is null or (>= 0 and <= 2), "temperature", "must be between 0 and 2.")
            .Require(request.ResponseFormat is null or "text" or "json", "responseFormat", "must be 'text' or 'json'.")
            .Labels(request.Labels)
            .Require(request.Variables is null || request.Variables.Count <= MaxVariables, "variables", $"must hold at most {MaxVariables} entries.")
            .Text(request.UserId, "userId", 200, required: false)
            .Text(request.SessionId, "sessionId", 200, required: false)
            .Text(request.Model, "model", 200, required: false)
            .Text(request.Provider, "provider", 100, required: false);
        for (var i = 0; i < request.Messages.Count; i++)
        {
            var message = request.Messages[i];
            validation.Require(Roles.Contains(message.Role), $"messages[{i}].role", "must be one of: system, user, assistant.");
        }
        return validation;
    }

    public static string MessageCount(int count, int maxMessages) =>
        $"holds {count} messages; the limit is {maxMessages} ({Core.Limits.LimitOptions.Section}:MaxMessages).";
}
