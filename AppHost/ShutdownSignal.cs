using System.Runtime.InteropServices;

namespace Platform.AppHost;

/// <summary>
/// Ctrl+C, SIGINT, SIGTERM (and SIGHUP when the terminal closes) ask for a graceful stop; a second
/// signal kills everything at once. Repeats within 2 s count as one: the terminal's Ctrl+C and a
/// forwarded copy from `dotnet run` can both arrive.
/// </summary>
internal sealed class ShutdownSignal : IDisposable
{
    private readonly CancellationTokenSource _requested = new();
    private readonly List<PosixSignalRegistration> _registrations = [];
    private readonly Action _forceStop;
    private long _firstAt;

    public ShutdownSignal(Action forceStop)
    {
        _forceStop = forceStop;
        PosixSignal[] signals = OperatingSystem.IsWindows()
            ? [PosixSignal.SIGINT, PosixSignal.SIGTERM]
            : [PosixSignal.SIGINT, PosixSignal.SIGTERM, PosixSignal.SIGHUP];
        foreach (var signal in signals)
        {
            _registrations.Add(PosixSignalRegistration.Create(signal, OnSignal));
        }
    }

    public CancellationToken Token => _requested.Token;

    public void Dispose() => _registrations.ForEach(r => r.Dispose());

    private void OnSignal(PosixSignalContext context)
    {
        // Keep the runtime from terminating us: the children must be stopped first.
        context.Cancel = true;
        var first = Interlocked.CompareExchange(ref _firstAt, Environment.TickCount64, 0);
        if (first == 0)
        {
            ConsoleLog.Info($"{context.Signal} received: stopping (send it again to kill everything at once)");

            // Off the signal thread: cancellation runs the whole shutdown's continuations.
            _ = Task.Run(_requested.Cancel);
        }
        else if (Environment.TickCount64 - first > 2000)
        {
            ConsoleLog.Info($"{context.Signal} received again: killing every child now");
            _forceStop();
        }
    }
}
