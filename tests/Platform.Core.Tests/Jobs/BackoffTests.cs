using Platform.Core.Jobs;

namespace Platform.Core.Tests.Jobs;

public sealed class BackoffTests
{
    [Fact]
    public void Delays_grow_from_5_s_by_doubling_within_half_and_one_and_a_half_times_and_never_exceed_300_s()
    {
        for (var seed = 0; seed < 20; seed++)
        {
            var random = new Random(seed);
            for (var attempt = 0; attempt <= 10; attempt++)
            {
                var nominal = 5 * Math.Pow(2, attempt);
                var delay = Backoff.Delay(attempt, random).TotalSeconds;
                Assert.InRange(delay, Math.Min(0.5 * nominal, 300), Math.Min(1.5 * nominal, 300));
            }
        }
    }

    [Fact]
    public void The_jitter_spreads_the_delays_of_one_attempt()
    {
        var random = new Random(7);
        var delays = Enumerable.Range(0, 50).Select(_ => Backoff.Delay(2, random)).Distinct().ToList();
        Assert.True(delays.Count > 40);
        Assert.Contains(delays, d => d < TimeSpan.FromSeconds(20));
        Assert.Contains(delays, d => d > TimeSpan.FromSeconds(20));
    }

    [Fact]
    public void Huge_and_negative_attempt_numbers_stay_within_the_bounds()
    {
        Assert.Equal(TimeSpan.FromSeconds(300), Backoff.Delay(int.MaxValue, new Random(1)));
        Assert.InRange(Backoff.Delay(-3, new Random(1)).TotalSeconds, 2.5, 7.5);
    }

    [Fact]
    public void Retry_time_follows_the_failed_attempt_and_is_null_after_the_last_one()
    {
        var now = new DateTime(2026, 11, 22, 10, 0, 0, DateTimeKind.Utc);
        var job = new Job { Kind = "llm", Attempts = 1, MaxAttempts = 3 };
        Assert.InRange(Backoff.RetryAt(job, now, new Random(3))!.Value, now.AddSeconds(2.5), now.AddSeconds(7.5));
        job.Attempts = 2;
        Assert.InRange(Backoff.RetryAt(job, now, new Random(3))!.Value, now.AddSeconds(5), now.AddSeconds(15));
        job.Attempts = 3;
        Assert.Null(Backoff.RetryAt(job, now, new Random(3)));
    }
}
