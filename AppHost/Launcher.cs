namespace Platform.AppHost;

/// <summary>Runs the platform until a signal, then stops every child; no child outlives the AppHost.</summary>
internal static class Launcher
{
    public static async Task<int> RunAsync(LauncherOptions options)
    {
        Posix.UnignoreSigInt();
        var children = new ChildSet();

        // Safety nets for an abrupt end (an exception we did not expect, Environment.Exit).
        AppDomain.CurrentDomain.ProcessExit += (_, _) => children.KillAll();
        AppDomain.CurrentDomain.UnhandledException += (_, _) => children.KillAll();
        using var shutdown = new ShutdownSignal(children.KillAll);
        ConsoleLog.Info($"launcher pid {Environment.ProcessId}; press Ctrl+C to stop");

        var exitCode = 0;
        try
        {
            await Startup.StartAsync(options, children, shutdown.Token);
            await Task.Delay(Timeout.Infinite, shutdown.Token);
        }
        catch (OperationCanceledException) when (shutdown.Token.IsCancellationRequested)
        {
            // A requested stop, possibly in the middle of starting up.
        }
        catch (LauncherException e)
        {
            ConsoleLog.Error(e.Message);
            exitCode = 1;
        }
        finally
        {
            ConsoleLog.Info("stopping");
            await children.StopAllAsync();
            ConsoleLog.Info("stopped");
        }

        return exitCode;
    }
}
