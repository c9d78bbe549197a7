using Microsoft.Extensions.Logging;
using Platform.Core.Caching;
using Platform.Core.Hosting;
using StackExchange.Redis;

namespace Platform.Core.RateLimits;

/// <summary>
/// Counters in Redis, shared by every Api replica: one Lua script reads every counter, refuses when one is at its
/// limit, else INCRBYs them all with an expiry, atomically. Redis down means no counting and a warning at most every
/// 30 s, never a failed request (the same promise as the cache).
/// </summary>
public sealed class RedisUsageCounters(IConnectionMultiplexer redis, ILogger<RedisUsageCounters> logger) : IUsageCounters
{
    // ARGV[1] = expiry in seconds; then per key: limit (-1 = none), amount. Returns {rejected index (0 = none), values...}.
    private const string Script = """
        local values = {}
        local rejected = 0
        for i = 1, #KEYS do
          values[i] = tonumber(redis.call('GET', KEYS[i]) or '0')
          local limit = tonumber(ARGV[2 * i])
          if rejected == 0 and limit >= 0 and values[i] >= limit then rejected = i end
        end
        if rejected == 0 then
          for i = 1, #KEYS do
            local amount = tonumber(ARGV[2 * i + 1])
            if amount > 0 then
              values[i] = redis.call('INCRBY', KEYS[i], amount)
              redis.call('EXPIRE', KEYS[i], ARGV[1])
            end
          end
        end
        table.insert(values, 1, rejected)
        return values
        """;

    private readonly Throttle _warnings = new(TimeSpan.FromSeconds(30));

    public async Task<CounterOutcome?> TryAddAsync(IReadOnlyList<UsageCounter> counters, TimeSpan expiry, CancellationToken cancellationToken)
    {
        var keys = new RedisKey[counters.Count];
        var args = new RedisValue[1 + 2 * counters.Count];
        args[0] = (long)Math.Ceiling(expiry.TotalSeconds);
        for (var i = 0; i < counters.Count; i++)
        {
            keys[i] = counters[i].Key;
            args[1 + 2 * i] = counters[i].Limit;
            args[2 + 2 * i] = counters[i].Amount;
        }
        try
        {
            var result = (long[])(await redis.GetDatabase().ScriptEvaluateAsync(Script, keys, args))!;
            return new CounterOutcome((int)result[0] - 1, result[1..]);
        }
        catch (Exception ex) when (RedisFailures.IsUnavailable(ex, cancellationToken))
        {
            if (_warnings.TryEnter())
            {
                logger.LogWarning("Rate limit counters unavailable, requests are let through uncounted: {Message}", ex.Message);
            }
            return null;
        }
    }
}
