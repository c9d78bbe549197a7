using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Platform.Core.Data;

namespace Platform.Core.Alerts;

/// <summary>The rules in force: configured ones (read-only) first, then those created through the API.</summary>
public sealed class AlertRuleCatalog(IOptions<AlertOptions> options)
{
    public const int MaxStoredRules = 200;

    private readonly IReadOnlyList<AlertRule> _configured =
        options.Value.Rules.Select(r => AlertRuleRules.ToRule(r, fromConfiguration: true, DateTime.UnixEpoch)).ToList();

    public IReadOnlyList<AlertRule> Configured => _configured;

    public async Task<IReadOnlyList<AlertRule>> ListAsync(PlatformDbContext db, CancellationToken ct)
    {
        var stored = await db.Set<AlertRule>().AsNoTracking().OrderBy(r => r.CreatedAt).Take(MaxStoredRules).ToListAsync(ct);
        return [.. _configured, .. stored];
    }

    public bool IsConfigured(Guid id) => _configured.Any(r => r.Id == id);

    public bool NameTaken(string name) => _configured.Any(r => string.Equals(r.Name, name.Trim(), StringComparison.OrdinalIgnoreCase));
}
