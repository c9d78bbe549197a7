using Platform.Bench;

// One named benchmark per run: dotnet run -c Release --project bench -- <name> [options]
var registry = BenchmarkRegistry.All;
if (args.Length == 0 || !registry.TryGetValue(args[0], out var benchmark))
{
    Console.Error.WriteLine("usage: dotnet run -c Release --project bench -- <name> [options]");
    Console.Error.WriteLine("benchmarks:");
    foreach (var (name, b) in registry)
    {
        Console.Error.WriteLine($"  {name,-16} {b.Description}");
    }
    return args.Length == 0 ? 0 : 2;
}

Console.WriteLine(MachineInfo.Describe());
Console.WriteLine($"benchmark: {args[0]}  started: {DateTime.UtcNow:yyyy-MM-dd HH:mm:ss}Z");
await benchmark.RunAsync(args[1..]);
return 0;
