using Platform.Bench.Benchmarks;

namespace Platform.Bench;

/// <summary>Later issues add their benchmarks here (gateway overhead, job throughput, ingestion, analytics).</summary>
public static class BenchmarkRegistry
{
    public static IReadOnlyDictionary<string, IBenchmark> All { get; } = new SortedDictionary<string, IBenchmark>
    {
        ["analytics"] = new AnalyticsBenchmark(),
        ["events"] = new EventIngestionBenchmark(),
        ["fake-upstream"] = new Platform.Bench.Benchmarks.Gateway.FakeUpstreamHost(),
        ["gateway"] = new GatewayOverheadBenchmark(),
        ["gateway-vs-peers"] = new GatewayVsPeersBenchmark(),
        ["interactions"] = new InteractionQueriesBenchmark(),
        ["jobs"] = new JobThroughputBenchmark(),
        ["jobs-vs-peers"] = new JobsVsPeersBenchmark(),
        ["key-lookup"] = new KeyLookupBenchmark(),
        ["recording"] = new RecordingBenchmark(),
        ["yarp-forwarder"] = new Platform.Bench.Benchmarks.Gateway.YarpForwarderHost(),
    };
}
