using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Platform.Api.Alerts;
using Platform.Api.Auth;
using Platform.Api.Infrastructure;
using Platform.Core.Alerts;
using Platform.Core.Data;

namespace Platform.Api.Apis;

/// <summary>Alert rules and their firings (admin). The Worker evaluates the rules; this surface only stores and reads.</summary>
public static class AlertsApi
{
    public const int MaxFiringsLimit = 500;

    public static IEndpointRouteBuilder MapAlertsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("api/alerts").WithTags("Alerts").RequireAuthorization(Policies.Admin);
        api.MapPost("/", CreateRule).WithName("CreateAlertRule")
            .WithSummary("Create an alert rule: failure_rate (%), daily_cost (USD) or p95_latency (ms) over a threshold (admin)");
        api.MapGet("/", ListRules).WithName("ListAlertRules")
            .WithSummary("Configured and API rules with their state and latest firing (admin)");
        api.MapDelete("/{id:guid}", DeleteRule).WithName("DeleteAlertRule")
            .WithSummary("Delete an API rule and resolve its open firing; configured rules answer 409 (admin)");
        api.MapGet("/firings", ListFirings).WithName("ListAlertFirings")
            .WithSummary("Newest firings first, open and resolved, with their webhook delivery (admin)");
        return app;
    }

    public static async Task<Results<Created<AlertRuleResponse>, ValidationProblem, ProblemHttpResult>> CreateRule(
        CreateAlertRuleRequest request, PlatformDbContext db, AlertRuleCatalog catalog, TimeProvider clock, CancellationToken ct)
    {
        var errors = AlertRuleRules.Validate(request.ToSettings());
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }
        var rule = AlertRuleRules.ToRule(request.ToSettings(), fromConfiguration: false, clock.GetUtcNow().UtcDateTime);
        var rules = db.Set<AlertRule>();
        if (catalog.NameTaken(rule.Name) || await rules.AnyAsync(r => r.Name == rule.Name, ct))
        {
            return Problems.Conflict($"An alert rule named '{rule.Name}' already exists.");
        }
        if (await rules.CountAsync(ct) >= AlertRuleCatalog.MaxStoredRules)
        {
            return Problems.Conflict($"There are already {AlertRuleCatalog.MaxStoredRules} alert rules; delete one first.");
        }
        rules.Add(rule);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The same name created concurrently: the unique index answered.
            return Problems.Conflict($"An alert rule named '{rule.Name}' already exists.");
        }
        return TypedResults.Created($"/api/alerts/{rule.Id}", AlertRuleResponse.From(rule, null));
    }

    public static async Task<Ok<List<AlertRuleResponse>>> ListRules(PlatformDbContext db, AlertRuleCatalog catalog, CancellationToken ct)
    {
        var rules = await catalog.ListAsync(db, ct);
        var response = new List<AlertRuleResponse>(rules.Count);
        foreach (var rule in rules)
        {
            var last = await db.Set<AlertFiring>().AsNoTracking().Where(f => f.RuleId == rule.Id)
                .OrderByDescending(f => f.StartedAt).FirstOrDefaultAsync(ct);
            response.Add(AlertRuleResponse.From(rule, last));
        }
        return TypedResults.Ok(response);
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> DeleteRule(
        Guid id, PlatformDbContext db, AlertRuleCatalog catalog, TimeProvider clock, CancellationToken ct)
    {
        if (catalog.IsConfigured(id))
        {
            return Problems.Conflict("This rule comes from configuration (Alerts:Rules); change the configuration to remove it.");
        }
        var deleted = await db.Set<AlertRule>().Where(r => r.Id == id).ExecuteDeleteAsync(ct);
        if (deleted == 0)
        {
            return Problems.NotFound("Alert rule", id);
        }
        // Its history stays; an open firing would otherwise stay open forever, since nothing evaluates the rule now.
        var now = clock.GetUtcNow().UtcDateTime;
        await db.Set<AlertFiring>().Where(f => f.RuleId == id && f.ResolvedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(f => f.ResolvedAt, now), ct);
        return TypedResults.NoContent();
    }

    public static async Task<Results<Ok<List<AlertFiringResponse>>, ValidationProblem>> ListFirings(
        PlatformDbContext db, CancellationToken ct, int? limit = null)
    {
        if (limit is < 1 or > MaxFiringsLimit)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["limit"] = [$"Between 1 and {MaxFiringsLimit}."] });
        }
        var firings = await db.Set<AlertFiring>().AsNoTracking().OrderByDescending(f => f.StartedAt).ThenByDescending(f => f.Id)
            .Take(limit ?? 50).ToListAsync(ct);
        return TypedResults.Ok(firings.ConvertAll(AlertFiringResponse.From));
    }
}
