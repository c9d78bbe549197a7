using System.Text.Json.Nodes;
using Platform.Api.Infrastructure;
using Platform.Core.Gateway;
using Platform.Core.Limits;

namespace Platform.Api.Jobs;

internal static class JobValidation
{
    public const int MaxAttemptsLimit = 25;

    public static Validation Validate(EnqueueJobRequest request, LlmGateway gateway, LimitOptions limits)
    {
        var validation = new Validation()
            .Text(request.Template, "template", limits.MaxTemplateChars, $"{LimitOptions.Section}:MaxTemplateChars")
            .Require(request.MaxAttempts is >= 1 and <= MaxAttemptsLimit, "maxAttempts", $"must be between 1 and {MaxAttemptsLimit}.")
            .Text(request.IdempotencyKey, "idempotencyKey", 200, required: false)
            .Labels(request.Labels);
        Context(validation, request.Context, limits);
        return Model(validation, request.Model, gateway);
    }

    public static Validation Context(Validation validation, JsonObject? context, LimitOptions limits) =>
        JobInputLimits.ContextProblem(context, limits) is { } problem ? validation.Require(false, "context", problem) : validation;

    /// <summary>An unknown model is refused at enqueue, listing what is available, not discovered by the worker later.</summary>
    public static Validation Model(Validation validation, string? model, LlmGateway gateway)
    {
        if (model is null)
        {
            return validation;
        }
        validation.Text(model, "model", 200);
        try
        {
            gateway.Router.Route(model, null);
        }
        catch (GatewayException e)
        {
            validation.Require(false, "model", e.Message);
        }
        return validation;
    }
}
