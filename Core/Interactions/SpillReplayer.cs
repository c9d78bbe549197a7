using System.Threading.Channels;
using Microsoft.Extensions.Logging;

namespace Platform.Core.Interactions;

/// <summary>
/// At start, feeds the records of earlier spill files back through the buffer, so they take the normal path
/// (sanitising, poison isolation, retries, and spilling again should this process stop before they are stored).
/// </summary>
public sealed class SpillReplayer(InteractionBuffer buffer, InteractionSpill spill, InteractionMetrics metrics, ILogger<SpillReplayer> logger)
{
    private readonly List<SpillReplay> _claimed = [];

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
            logger.LogError("Replaying spilled interactions from {Folder} failed; the files are kept: {Error}", spill.Folder, ex.Message);
        }
    }

    private IEnumerable<string> SpillFiles() => Directory.Exists(spill.Folder)
        ? Directory.GetFiles(spill.Folder, InteractionSpill.FilePattern).Order(StringComparer.Ordinal).ToList()
        : [];

    /// <summary>False when the buffer closed (the service is stopping) before the file was read through.</summary>
    private async Task<bool> ReplayFileAsync(string path)
    {
        var replay = SpillReplay.TryClaim(path, metrics, logger);
        if (replay is null)
        {
            logger.LogInformation("Spill file {Path} is held by another process; leaving it to that process", path);
            return true;
        }
        lock (_claimed)
        {
            _claimed.Add(replay);
        }
        logger.LogInformation("Replaying interactions spilled to {Path}", path);
        try
        {
            await foreach (var write in replay.ReadAsync())
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
