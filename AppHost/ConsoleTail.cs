namespace Platform.AppHost;

/// <summary>What a resource wrote, its errors first: what to show when it dies before anyone opened the dashboard.</summary>
internal sealed class ConsoleTail(int capacity)
{
    private const int MaxLineLength = 500;
    private readonly Lock _lock = new();
    private readonly Queue<string> _errors = new();
    private readonly Queue<string> _all = new();

    public async Task FollowAsync(IAsyncEnumerable<IReadOnlyList<LogLine>> lines, CancellationToken stopping)
    {
        try
        {
            await foreach (var batch in lines.WithCancellation(stopping))
            {
                foreach (var line in batch)
                {
                    Add(line);
                }
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
        }
    }

    /// <summary>Waits (at most <paramref name="grace"/>) until at least one line has arrived.</summary>
    public async Task WaitForLinesAsync(TimeSpan grace, CancellationToken stopping)
    {
        var deadline = DateTime.UtcNow + grace;
        while (IsEmpty && DateTime.UtcNow < deadline && !stopping.IsCancellationRequested)
        {
            await Task.Delay(100, CancellationToken.None);
        }
    }

    private bool IsEmpty
    {
        get
        {
            lock (_lock)
            {
                return _all.Count == 0;
            }
        }
    }

    /// <summary>The first lines on standard error if there were any (an unhandled exception lands there), else the last lines.</summary>
    public string Describe()
    {
        lock (_lock)
        {
            var lines = _errors.Count > 0 ? _errors : _all;
            return lines.Count == 0 ? "  (nothing)" : string.Join('\n', lines.Select(l => "  " + l));
        }
    }

    private void Add(LogLine line)
    {
        var text = line.Content.Length > MaxLineLength ? line.Content[..MaxLineLength] + "..." : line.Content;
        lock (_lock)
        {
            Push(_all, text);
            // The first lines on standard error name the exception; the rest is its stack.
            if (line.IsErrorMessage && _errors.Count < capacity)
            {
                _errors.Enqueue(text);
            }
        }
    }

    private void Push(Queue<string> queue, string text)
    {
        queue.Enqueue(text);
        if (queue.Count > capacity)
        {
            queue.Dequeue();
        }
    }
}
