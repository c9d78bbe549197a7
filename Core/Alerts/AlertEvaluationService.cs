using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Platform.Core.Alerts;

/// <summary>The Worker's clock for alerts: an evaluation at start, then one every Alerts:EvaluationSeconds.</summary>
public sealed partial class AlertEvaluationService(
    AlertEvaluator evaluator, TimeProvider clock, IOptions<AlertOptions> options, ILogger<AlertEvaluationService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.EvaluationSeconds), clock);
        do
        {
            try
            {
                await evaluator.EvaluateOnceAsync(stoppingToken);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                // A database outage must not end the loop: the next tick tries again.
                LogFailed(logger, e);
            }
        }
        while (await WaitAsync(timer, stoppingToken));
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken ct)
    {
        try
        {
            return await timer.WaitForNextTickAsync(ct);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    [LoggerMessage(LogLevel.Error, "Alert evaluation failed")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
