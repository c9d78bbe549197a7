using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Platform.Core.Data;

namespace Platform.Core.RateLimits;

/// <summary>
/// A user's spend: the sum of <c>interactions.cost_usd</c> they own since the period started (the record the Api and
/// the Worker both write, so jobs count and a restart loses nothing), read at most every RateLimits:SpendCacheSeconds,
/// plus the charges this process made that the interaction writer has not stored yet. Other replicas' unwritten
/// charges show up once written (typically well under a second).
/// </summary>
public sealed class SpendLedger(IServiceScopeFactory scopes, TimeProvider clock, IOptions<RateLimitOptions> options)
{
    // A charge whose interaction is never stored (refused for good) must not count for ever.
    private static readonly TimeSpan PendingLifetime = TimeSpan.FromHours(1);
    private readonly ConcurrentDictionary<Guid, UserSpend> _users = new();

    public async Task<Spend> GetAsync(Guid userId, CancellationToken cancellationToken)
    {
        var user = _users.GetOrAdd(userId, _ => new UserSpend());
        var now = clock.GetUtcNow();
        var periods = BudgetPeriods.At(now);
        await user.Gate.WaitAsync(cancellationToken);
        try
        {
            if (user.Periods != periods || now - user.ReadAt >= TimeSpan.FromSeconds(options.Value.SpendCacheSeconds))
            {
                try
                {
                    await RefreshAsync(userId, user, periods, now, cancellationToken);
                }
                catch (Exception ex) when (DatabaseOutage.IsOutage(ex) && user.Periods == periods)
                {
                    // A budget must not turn a database outage into refused chats: go on with the last sums read.
                }
            }
            var pending = user.Pending.Values.Where(p => p.At >= periods.DayStart).Sum(p => p.Usd);
            var pendingMonth = user.Pending.Values.Where(p => p.At >= periods.MonthStart).Sum(p => p.Usd);
            return new Spend(user.Stored.TodayUsd + pending, user.Stored.ThisMonthUsd + pendingMonth);
        }
        finally
        {
            user.Gate.Release();
        }
    }

    /// <summary>Counts a call's cost at once, until its interaction row is in the database.</summary>
    public void Charge(Guid userId, Guid interactionId, double usd)
    {
        if (usd > 0)
        {
            _users.GetOrAdd(userId, _ => new UserSpend()).Pending[interactionId] = new PendingCharge(clock.GetUtcNow().UtcDateTime, usd);
        }
    }

    private async Task RefreshAsync(Guid userId, UserSpend user, BudgetPeriods periods, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        // Charges whose rows are stored are in the sums below: stop counting them twice. Asked before the sums, so a
        // row stored in between is counted twice until the next read rather than not at all.
        var pendingIds = user.Pending.Keys.ToList();
        if (pendingIds.Count > 0)
        {
            var stored = await db.Interactions.AsNoTracking().Where(i => pendingIds.Contains(i.Id)).Select(i => i.Id).ToListAsync(cancellationToken);
            foreach (var id in stored)
            {
                user.Pending.TryRemove(id, out _);
            }
        }
        var mine = db.Interactions.AsNoTracking().Where(i => i.OwnerUserId == userId && i.CostUsd != null);
        var month = await mine.Where(i => i.CreatedAt >= periods.MonthStart).SumAsync(i => i.CostUsd, cancellationToken) ?? 0;
        var day = await mine.Where(i => i.CreatedAt >= periods.DayStart).SumAsync(i => i.CostUsd, cancellationToken) ?? 0;
        foreach (var (id, charge) in user.Pending)
        {
            if (now.UtcDateTime - charge.At > PendingLifetime)
            {
                user.Pending.TryRemove(id, out _);
            }
        }
        user.Stored = new Spend(day, month);
        user.Periods = periods;
        user.ReadAt = now;
    }

    private sealed class UserSpend
    {
        public SemaphoreSlim Gate { get; } = new(1, 1);
        public ConcurrentDictionary<Guid, PendingCharge> Pending { get; } = new();
        public Spend Stored { get; set; }
        public BudgetPeriods Periods { get; set; }
        public DateTimeOffset ReadAt { get; set; } = DateTimeOffset.MinValue;
    }

    private readonly record struct PendingCharge(DateTime At, double Usd);
}
