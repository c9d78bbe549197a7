using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace Platform.Api.Tests.Fuzz;

/// <summary>What the Api logs at Error and above: a hostile request must not be able to write stack traces to our logs.</summary>
internal static class ErrorLogs
{
    /// <summary>Added to the running Api, so it hears what the requests cause and not what starting up logged.</summary>
    public static FakeLogCollector Listen(IServiceProvider services)
    {
        var errors = FakeLogCollector.Create(new FakeLogCollectorOptions { FilteredLevels = { LogLevel.Error, LogLevel.Critical } });
        services.GetRequiredService<ILoggerFactory>().AddProvider(new FakeLoggerProvider(errors));
        return errors;
    }

    public static IEnumerable<string> Describe(this FakeLogCollector errors) => errors.GetSnapshot().Select(r =>
        $"{r.Level} {r.Category}: {r.Message} {r.Exception?.GetType().Name}: {r.Exception?.Message}");
}
