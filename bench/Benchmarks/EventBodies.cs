using System.Text;
using System.Text.Json;

namespace Platform.Bench.Benchmarks;

/// <summary>
/// The events benchmark's request bodies: prepared batches of synthetic events. Their client timestamps are either
/// stamped at each send, a few seconds old as a tracker's batches are (<c>timestamps=now</c>, the default), or spread
/// at random over the hour before the run (<c>timestamps=spread</c>), which makes every index on the timestamp take
/// rows all over: the worst case for the writer, kept to compare with earlier figures.
/// </summary>
internal sealed class EventBodies
{
    public static readonly string[] Types = ["view", "click", "scroll", "input", "submit", "error", "dwell"];

    // "O" of a UTC time is always this long (2026-12-02T07:48:00.0000000Z), so a timestamp can be rewritten in place.
    private const int StampLength = 28;

    private readonly byte[][] _templates;
    private readonly int[][] _offsets;
    private readonly int[][] _agesMs;
    private readonly bool _stampAtSend;
    private int _next;

    public EventBodies(int count, int batch, bool stampAtSend)
    {
        _stampAtSend = stampAtSend;
        _templates = new byte[count][];
        _offsets = new int[count][];
        _agesMs = new int[count][];
        for (var i = 0; i < count; i++)
        {
            (_templates[i], _offsets[i], _agesMs[i]) = Body(i, batch, stampAtSend);
        }
    }

    public int BytesPerBody => _templates[0].Length;

    /// <summary>The next body; with stamping at send a fresh copy whose timestamps are its events' ages before now.</summary>
    public byte[] Next()
    {
        var i = (int)((uint)Interlocked.Increment(ref _next) % _templates.Length);
        if (!_stampAtSend)
        {
            return _templates[i];
        }
        var body = (byte[])_templates[i].Clone();
        var now = DateTime.UtcNow;
        for (var e = 0; e < _offsets[i].Length; e++)
        {
            now.AddMilliseconds(-_agesMs[i][e]).TryFormat(body.AsSpan(_offsets[i][e], StampLength), out _, "O");
        }
        return body;
    }

    private static (byte[] Body, int[] Offsets, int[] AgesMs) Body(int seed, int batch, bool stampAtSend)
    {
        var random = new Random(seed);
        var placeholder = new DateTime(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc).ToString("O");
        // A tracker sends its queue every 2 s, so an event is up to about that old when it arrives.
        var ages = Enumerable.Range(0, batch).Select(_ => random.Next(2000)).ToArray();
        var events = Enumerable.Range(0, batch).Select(i => new
        {
            userId = $"user-{random.Next(10_000)}",
            sessionId = $"s-{random.Next(100_000)}",
            eventType = Types[random.Next(Types.Length)],
            componentId = $"button-{random.Next(200)}",
            page = "/checkout",
            pageUrl = "https://shop.example.com/checkout?step=" + random.Next(5),
            timestamp = stampAtSend ? placeholder : DateTime.UtcNow.AddSeconds(-random.Next(3600)).ToString("O"),
            x = random.Next(1920),
            y = random.Next(1080),
            durationMs = random.Next(5000),
            extra = new { plan = "pro", ab = random.Next(2) == 0 ? "a" : "b" },
        }).ToList();
        var body = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new { events }));
        var offsets = new List<int>(batch);
        if (stampAtSend)
        {
            var marker = Encoding.UTF8.GetBytes(placeholder);
            for (var at = body.AsSpan().IndexOf(marker); at >= 0; at = Next(body, marker, at + StampLength))
            {
                offsets.Add(at);
            }
        }
        return (body, offsets.ToArray(), ages);

        static int Next(byte[] body, byte[] marker, int from)
        {
            var found = body.AsSpan(from).IndexOf(marker);
            return found < 0 ? -1 : from + found;
        }
    }
}
