using System.Runtime.InteropServices;
using Microsoft.Extensions.Options;
using Platform.Core.Events;

namespace Platform.Core.Analytics;

/// <summary>
/// Which users got events since the last warming pass, and how many: fed by the events writer after each stored batch,
/// read by <see cref="SnapshotWarmer"/>. It holds at most <see cref="MaxUsers"/> users, so a stream of distinct user ids
/// cannot grow it without limit: a user who does not fit is not noted. That drops a warm hint, never data; it only
/// means that user's first uncached answer reads every event, as it would without warming.
/// </summary>
public sealed class SnapshotWarmTally(IOptions<AnalyticsOptions> options)
{
    public const int MaxUsers = 10_000;

    private readonly Lock _gate = new();
    private readonly Dictionary<string, Entry> _users = new(StringComparer.Ordinal);
    private long _dropped;

    /// <summary>Users noted and not yet taken.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _users.Count;
            }
        }
    }

    /// <summary>Hints dropped because the tally was full.</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    /// <summary>Notes a stored batch: one dictionary lookup per run of one user's events (batches often hold one user's).</summary>
    public void Note(IReadOnlyList<ProductEvent> stored)
    {
        if (options.Value.SnapshotWarmSeconds == 0 || stored.Count == 0)
        {
            return;
        }
        lock (_gate)
        {
            var run = 1;
            for (var i = 1; i <= stored.Count; i++)
            {
                if (i < stored.Count && string.Equals(stored[i].UserId, stored[i - 1].UserId, StringComparison.Ordinal))
                {
                    run++;
                    continue;
                }
                Add(stored[i - 1].UserId, run, default, deferred: false);
                run = 1;
            }
        }
    }

    public void Note(string userId, long newEvents)
    {
        if (options.Value.SnapshotWarmSeconds == 0)
        {
            return;
        }
        lock (_gate)
        {
            Add(userId, newEvents, default, deferred: false);
        }
    }

    /// <summary>
    /// Takes (removes) up to <paramref name="max"/> users with at least <paramref name="threshold"/> new events and not
    /// deferred past <paramref name="now"/>, the most new events first. When the tally is full, the users below the
    /// threshold are forgotten too, so that a flood of distinct ids does not keep out the users who come after it.
    /// </summary>
    internal List<Due> TakeDue(long threshold, int max, DateTime now)
    {
        lock (_gate)
        {
            var full = _users.Count >= MaxUsers;
            var due = _users.Where(u => u.Value.NewEvents >= threshold && u.Value.NotBefore <= now)
                .OrderByDescending(u => u.Value.NewEvents)
                .Take(max)
                .Select(u => new Due(u.Key, u.Value.NewEvents, u.Value.Deferred))
                .ToList();
            due.ForEach(u => _users.Remove(u.UserId));
            if (full)
            {
                foreach (var small in _users.Where(u => u.Value.NewEvents < threshold).Select(u => u.Key).ToList())
                {
                    _users.Remove(small);
                }
            }
            return due;
        }
    }

    /// <summary>Puts a taken user back, to be taken again no earlier than <paramref name="notBefore"/>.</summary>
    internal void Defer(Due user, DateTime notBefore, bool deferred)
    {
        lock (_gate)
        {
            Add(user.UserId, user.NewEvents, notBefore, deferred);
        }
    }

    private void Add(string userId, long newEvents, DateTime notBefore, bool deferred)
    {
        if (_users.Count >= MaxUsers && !_users.ContainsKey(userId))
        {
            Interlocked.Increment(ref _dropped);
            return;
        }
        ref var entry = ref CollectionsMarshal.GetValueRefOrAddDefault(_users, userId, out _);
        entry = new Entry(entry.NewEvents + newEvents, notBefore > entry.NotBefore ? notBefore : entry.NotBefore, deferred || entry.Deferred);
    }

    private readonly record struct Entry(long NewEvents, DateTime NotBefore, bool Deferred);

    /// <param name="Deferred">Put back once already because its events were too recent for a snapshot.</param>
    internal sealed record Due(string UserId, long NewEvents, bool Deferred);
}
