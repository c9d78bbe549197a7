using Microsoft.Extensions.Hosting;
using Platform.Core.Analytics;
using Platform.Testing;

namespace Platform.Core.Tests.Analytics;

/// <summary>
/// The warmer's timer runs only in a process that stores events, the one whose writer feeds its tally (that it runs
/// there is shown by <see cref="SnapshotWarmTests"/>, whose grace-period test relies on the timer).
/// </summary>
public sealed class SnapshotWarmerHostTests(PostgresServer postgres)
{
    [Fact]
    public async Task Without_an_events_writer_the_warmer_stops_at_once()
    {
        await using var host = await AnalyticsHost.StartAsync("sqlite", postgres);
        var warmer = host.Service<IEnumerable<IHostedService>>().OfType<SnapshotWarmer>().Single();

        await warmer.StartAsync(TestContext.Current.CancellationToken);

        // ExecuteAsync runs on the thread pool: wait for it to end (with a timer it never would).
        await warmer.ExecuteTask!.WaitAsync(TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken);
        Assert.True(warmer.ExecuteTask.IsCompletedSuccessfully);
        await warmer.StopAsync(TestContext.Current.CancellationToken);
    }
}
