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
        var files = Directory.Exists(spill.Folder)
            ? Directory.GetFiles(spill.Folder, InteractionSpill.FilePattern).Order(StringComparer.Ordinal).ToList()
            : [];
        foreach (var path in files)
        {
            var replay = SpillReplay.TryClaim(path, metrics, logger);
            if (replay is null)
            {
                logger.LogInformation("Spill file {Path} is held by another process; leaving it to that process", path);
                continue;
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
                // Stopping before the file was read through: it stays, and the next start replays it.
                logger.LogWarning("Stopped while replaying {Path}; the file is kept for the next start", path);
                return;
            }
            replay.DoneReading();
        }
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
