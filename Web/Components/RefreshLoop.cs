namespace Platform.Web.Components;

/// <summary>
/// Calls <c>tick</c> every interval until disposed. The next wait starts only once a tick has finished, so ticks never
/// overlap and a slow Api is not asked again while it is still answering; missed ticks are not made up.
/// </summary>
public sealed class RefreshLoop : IDisposable
{
    private readonly PeriodicTimer _timer;

    /// <param name="tick">Runs off the renderer's thread: wrap the work in the component's <c>InvokeAsync</c>.</param>
    /// <param name="onError">Gets what a tick threw (then the loop stops), e.g. the component's <c>DispatchExceptionAsync</c>.</param>
    public RefreshLoop(TimeSpan interval, Func<Task> tick, Func<Exception, Task> onError)
    {
        _timer = new PeriodicTimer(interval);
        _ = RunAsync(tick, onError);
    }

    private async Task RunAsync(Func<Task> tick, Func<Exception, Task> onError)
    {
        try
        {
            while (await _timer.WaitForNextTickAsync())
            {
                await tick();
            }
        }
        catch (Exception ex)
        {
            await onError(ex);
        }
    }

    /// <summary>Ends the loop: a pending wait returns false, so no tick starts after this.</summary>
    public void Dispose() => _timer.Dispose();
}
