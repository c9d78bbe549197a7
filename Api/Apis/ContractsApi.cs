using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Platform.Api.Auth;
using Platform.Api.Contracts;
using Platform.Api.Gateway;
using Platform.Api.Infrastructure;
using Platform.Api.RateLimits;
using Platform.Core.Contracts;
using Platform.Core.Gateway;
using Platform.Core.Limits;

namespace Platform.Api.Apis;

/// <summary>
/// UI contracts: generated from an end user's analytics by a model (or the heuristic and safe fallbacks), validated
/// against the schema, stored as versions. Members see the contracts they generated, admins all of them.
/// </summary>
public static class ContractsApi
{
    public const string PathHeader = "X-Contract-Path";
    public const string FallbackHeader = "X-Contract-Fallback";

    public static IEndpointRouteBuilder MapContractsApi(this IEndpointRouteBuilder app)
    {
        // A base contract may be up to 256 KiB, more than the default body limit: the jobs' limit fits it.
        var maxBytes = app.ServiceProvider.GetRequiredService<IOptions<LimitOptions>>().Value.MaxJobRequestBytes;
        var setting = $"{LimitOptions.Section}:{nameof(LimitOptions.MaxJobRequestBytes)}";
        var api = app.MapGroup("api/contracts").WithTags("Contracts").RequireAuthorization(Policies.Member);
        app.MapGet("api/contracts/schema", () => TypedResults.Text(ContractSchema.Text, "application/schema+json"))
            .WithTags("Contracts").RequireAuthorization().WithName("GetContractSchema").WithSummary("The JSON Schema (draft 2020-12) of a UI contract");
        api.MapPost("/generate", Generate).WithName("GenerateContract").WithRequestLimit(maxBytes, setting).WithUsageLimits(limitTokens: false)
            .WithSummary("Generate the next version of a user's contract from their analytics (model, else heuristic, else safe)");
        api.MapPost("/generate-async", Enqueue).WithName("GenerateContractAsync").WithRequestLimit(maxBytes, setting).RequireAuthorization(Policies.Admin)
            .WithUsageLimits(limitTokens: false).WithSummary("Queue a generation for the Worker; follow it at GET /api/jobs/{jobId}");
        api.MapGet("/", List).WithName("ListContracts").WithSummary("Contract versions, newest version first");
        api.MapGet("/{id:guid}", Get).WithName("GetContract").WithSummary("One contract version");
        api.MapGet("/{id:guid}/diff/{otherId:guid}", Diff).WithName("DiffContracts").WithSummary("What changed between two versions of one user's contract");
        api.MapGet("/circuit-breaker", (ContractBreaker breaker) => TypedResults.Ok(breaker.Status()))
            .RequireAuthorization(Policies.Admin).WithName("GetContractBreaker").WithSummary("The contract generation circuit breaker of this Api process");
        api.MapPost("/circuit-breaker/reset", async (ContractBreaker breaker, CancellationToken ct) => TypedResults.Ok(await breaker.ResetAsync(ct)))
            .RequireAuthorization(Policies.Admin).WithName("ResetContractBreaker").WithSummary("Close the contract generation circuit of this Api process");
        return app;
    }

    public static async Task<Results<Ok<ContractResponse>, ValidationProblem>> Generate(
        GenerateContractRequest request, ClaimsPrincipal user, LlmGateway gateway, ContractGenerator generator, HttpContext http, CancellationToken ct)
    {
        var validation = ContractValidation.Validate(request, gateway);
        if (!validation.IsValid)
        {
            return TypedResults.ValidationProblem(validation.Errors);
        }
        ContractOutcome outcome;
        try
        {
            outcome = await generator.GenerateAsync(new ContractGeneration(
                request.UserId!, request.BaseContract, request.Version, request.Model, user.GetUserId(), Scope(user), Source: "api"), null, ct);
        }
        catch (ContractBaseMissingException e)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["baseContract"] = [e.Message] });
        }
        catch (GatewayException e)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { [e.Field ?? "model"] = [e.Message] });
        }
        http.Response.Headers[PathHeader] = outcome.Path;
        if (outcome.CircuitOpen)
        {
            http.Response.Headers[FallbackHeader] = outcome.Path;
            http.Response.Headers.RetryAfter = (outcome.RetryAfterSeconds ?? 1).ToString(CultureInfo.InvariantCulture);
        }
        return TypedResults.Ok(ContractResponse.From(outcome.Contract));
    }

    public static async Task<Results<Accepted<QueuedContractResponse>, ValidationProblem>> Enqueue(
        GenerateContractRequest request, ClaimsPrincipal user, LlmGateway gateway, ContractStore store, ContractJobService jobs, CancellationToken ct)
    {
        var validation = ContractValidation.Validate(request, gateway);
        if (validation.IsValid && request.BaseContract is null && await store.LatestAsync(request.UserId!, Scope(user), ct) is null)
        {
            validation.Require(false, "baseContract", new ContractBaseMissingException(request.UserId!).Message);
        }
        if (!validation.IsValid)
        {
            return TypedResults.ValidationProblem(validation.Errors);
        }
        var job = await jobs.EnqueueAsync(new ContractJobPayload
        {
            UserId = request.UserId!, BaseContract = request.BaseContract, Version = request.Version, Model = request.Model,
        }, user.GetUserId(), ct);
        return TypedResults.Accepted($"/api/jobs/{job.Id}", new QueuedContractResponse(job.Id));
    }

    public static async Task<Results<Ok<ContractList>, ValidationProblem>> List(
        string? userId, string? limit, ClaimsPrincipal user, ContractStore store, CancellationToken ct)
    {
        var validation = new Validation().Text(userId, "userId", ContractLimits.MaxUserIdLength, required: false);
        var size = ContractLimits.DefaultListLimit;
        validation.Require(limit is null || (int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out size) && size is >= 1 and <= ContractLimits.MaxListLimit),
            "limit", $"must be a whole number from 1 to {ContractLimits.MaxListLimit}.");
        if (!validation.IsValid)
        {
            return TypedResults.ValidationProblem(validation.Errors);
        }
        var contracts = await store.ListAsync(userId, Scope(user), limit is null ? ContractLimits.DefaultListLimit : size, ct);
        return TypedResults.Ok(new ContractList(contracts.ConvertAll(ContractResponse.From)));
    }

    public static async Task<Results<Ok<ContractResponse>, ProblemHttpResult>> Get(Guid id, ClaimsPrincipal user, ContractStore store, CancellationToken ct) =>
        await store.FindAsync(id, Scope(user), ct) is { } contract ? TypedResults.Ok(ContractResponse.From(contract)) : Problems.NotFound("Contract", id);

    public static async Task<Results<Ok<ContractDiffResponse>, ProblemHttpResult, ValidationProblem>> Diff(
        Guid id, Guid otherId, ClaimsPrincipal user, ContractStore store, CancellationToken ct)
    {
        if (await store.FindAsync(id, Scope(user), ct) is not { } from)
        {
            return Problems.NotFound("Contract", id);
        }
        if (await store.FindAsync(otherId, Scope(user), ct) is not { } to)
        {
            return Problems.NotFound("Contract", otherId);
        }
        if (from.UserId != to.UserId)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["otherId"] = [$"Contract '{otherId}' belongs to user '{to.UserId}', not '{from.UserId}'; only versions of one user's contract compare."],
            });
        }
        var meta = System.Text.Json.Nodes.JsonNode.Parse(to.MetaJson);
        var explanation = meta?["optimizationExplanation"]?.GetValue<string>();
        var changes = ContractDiff.Compare(System.Text.Json.Nodes.JsonNode.Parse(from.Json), System.Text.Json.Nodes.JsonNode.Parse(to.Json));
        return TypedResults.Ok(new ContractDiffResponse(ContractVersionRef.From(from), ContractVersionRef.From(to), explanation, to.OptimizedBy, changes));
    }

    /// <summary>Whose contracts the caller sees: a member their own, an admin everyone's (null).</summary>
    private static Guid? Scope(ClaimsPrincipal user) => user.IsAdmin() ? null : user.GetUserId();
}
