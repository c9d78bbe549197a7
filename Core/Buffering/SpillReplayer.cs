using System.Threading.Channels;
using Microsoft.Extensions.Logging;

namespace Platform.Core.Buffering;

/// <summary>
/// At start, feeds the records of earlier spill files back through the buffer, so they take the normal path
/// (sanitising, poison isolation, retries, and spilling again should this process stop before they are stored).
/// </summary>
internal sealed class SpillReplayer<T>(WriteBuffer<T> buffer, SpillFile<T> spill, Func<T, bool> complete, ILogger logger)
    where T : BufferedWrite
{
    private readonly List<SpillReplay<T>> _claimed = [];

    public async Task ReplayAsync()
    {
        try
        {
            foreach (var path in SpillFiles())
            {
                if (!await ReplayFileAsync(path))
                {
                    return;
                }
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Never fatal: the files stay where they are for the next start.
            logger.LogError("Replaying spilled {Records} from {Folder} failed; the files are kept: {Error}", spill.Records, spill.Folder, ex.Message);
        }
    }

    private IEnumerable<string> SpillFiles() => Directory.Exists(spill.Folder)
        ? Directory.GetFiles(spill.Folder, spill.Pattern).Order(StringComparer.Ordinal).ToList()
        : [];

    /// <summary>False when the buffer closed (the service is stopping) before the file was read through.</summary>
    private async Task<bool> ReplayFileAsync(string path)
    {
        var replay = SpillReplay<T>.TryClaim(path, spill.Metrics, spill.Records, logger);
        if (replay is null)
        {
            logger.LogInformation("Spill file {Path} is held by another process; leaving it to that process", path);
            return true;
        }
        lock (_claimed)
        {
            _claimed.Add(replay);
        }
        logger.LogInformation("Replaying {Records} spilled to {Path}", spill.Records, path);
        try
        {
            await foreach (var write in replay.ReadAsync(complete))
            {
                await buffer.AddWaitingAsync(write);
            }
        }
        catch (ChannelClosedException)
        {
            // Not read through, so never removed: the next start replays it, skipping what this run stored.
            logger.LogWarning("Stopped while replaying {Path}; the file is kept for the next start", path);
            return false;
        }
        replay.DoneReading();
        return true;
    }

    /// <summary>At stop: releases the files whose records were not all settled, so the next start can take them.</summary>
    public void ReleaseUnfinished()
    {
        lock (_claimed)
        {
            foreach (var replay in _claimed)
            {
                replay.Dispose();
            }
            _claimed.Clear();
        }
    }
}
