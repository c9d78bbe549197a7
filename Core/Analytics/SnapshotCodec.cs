using System.Text;

namespace Platform.Core.Analytics;

/// <summary>
/// A snapshot as compact bytes: a heavy user's state holds tens of thousands of open forms and visits, whose session,
/// component and page names repeat, so each text is written once and referred to by number after that. Unreadable
/// bytes (another version, a truncated entry) read as no snapshot.
/// </summary>
internal static class SnapshotCodec
{
    private const int Format = 1;

    public static byte[] Encode(AnalyticsSnapshot snapshot)
    {
        using var stream = new MemoryStream();
        using (var w = new Writer(stream))
        {
            w.Write(Format);
            w.Write(snapshot.Version);
            w.Text(snapshot.Rules);
            w.Write(snapshot.Through.Ticks);
            var s = snapshot.State;
            w.Count(s.Events);
            w.Counts(s.Types);
            w.Counts(s.Usage);
            w.List(s.Found, f =>
            {
                w.Text(f.Type);
                w.Text(f.ComponentId);
                w.Text(f.Reason);
                w.Counts(f.Metrics);
                w.Write(f.Severity);
                w.Write(f.At.Ticks);
            });
            w.List(s.Bursts, b =>
            {
                w.Text(b.Component);
                w.Write(b.Start.Ticks);
                w.Write(b.Last.Ticks);
                w.Number(b.X);
                w.Number(b.Y);
                w.Count(b.Taps);
            });
            w.Count(s.Errors);
            w.List(s.ErrorGroups, g =>
            {
                w.Text(g.Component);
                w.Text(g.Message);
                w.Write(g.First.Ticks);
                w.Count(g.Count);
            });
            w.List(s.Forms, f =>
            {
                w.Text(f.Session);
                w.Text(f.Component);
                w.Write(f.Start.Ticks);
                w.Count(f.Inputs);
                w.Count(f.Submits);
                w.Count(f.Errors);
            });
            w.List(s.Visits, v =>
            {
                w.Text(v.Session);
                w.Text(v.Page);
                w.Write(v.Start.Ticks);
                w.Write(v.Reported);
            });
        }
        return stream.ToArray();
    }

    public static AnalyticsSnapshot? Decode(byte[] bytes)
    {
        try
        {
            using var r = new Reader(new MemoryStream(bytes, writable: false));
            if (r.ReadInt32() != Format)
            {
                return null;
            }
            var (version, rules, through) = (r.ReadInt32(), r.Name(), r.Time());
            var state = new EngineState(
                r.Count(), r.Counts(), r.Counts(),
                r.List(() => new FindingState(r.Name(), r.Text(), r.Name(), r.Counts(), r.ReadInt64(), r.Time())),
                r.List(() => new BurstState(r.Name(), r.Time(), r.Time(), r.Number(), r.Number(), (int)r.Count())),
                r.Count(),
                r.List(() => new ErrorGroupState(r.Text(), r.Text(), r.Time(), r.Count())),
                r.List(() => new FormState(r.Name(), r.Name(), r.Time(), r.Count(), r.Count(), r.Count())),
                r.List(() => new VisitState(r.Name(), r.Name(), r.Time(), r.ReadBoolean())));
            return new AnalyticsSnapshot(version, rules, through, state);
        }
        catch (Exception e) when (e is EndOfStreamException or IOException or FormatException or ArgumentException)
        {
            return null;
        }
    }

    private sealed class Writer(Stream stream) : BinaryWriter(stream, Encoding.UTF8, leaveOpen: true)
    {
        private readonly Dictionary<string, int> _texts = new(StringComparer.Ordinal);

        // 0: null; 1: a new text follows; n >= 2: the (n - 2)th text written.
        public void Text(string? text)
        {
            if (text is null)
            {
                Write7BitEncodedInt(0);
            }
            else if (_texts.TryGetValue(text, out var index))
            {
                Write7BitEncodedInt(index + 2);
            }
            else
            {
                _texts[text] = _texts.Count;
                Write7BitEncodedInt(1);
                Write(text);
            }
        }

        public void Count(long value) => Write7BitEncodedInt64(value);

        public void Number(double? value)
        {
            Write(value.HasValue);
            if (value is { } v)
            {
                Write(v);
            }
        }

        public void Counts(Dictionary<string, long> counts)
        {
            Write7BitEncodedInt(counts.Count);
            foreach (var (key, count) in counts)
            {
                Text(key);
                Count(count);
            }
        }

        public void List<T>(List<T> items, Action<T> write)
        {
            Write7BitEncodedInt(items.Count);
            items.ForEach(write);
        }
    }

    private sealed class Reader(Stream stream) : BinaryReader(stream, Encoding.UTF8)
    {
        private readonly List<string> _texts = [];

        public string? Text() => Read7BitEncodedInt() switch
        {
            0 => null,
            1 => Added(ReadString()),
            var n => _texts[n - 2],
        };

        /// <summary>A text that cannot be absent (a type, a session, a key).</summary>
        public string Name() => Text() ?? throw new FormatException("Damaged snapshot.");

        public long Count() => Read7BitEncodedInt64();

        public DateTime Time() => new(ReadInt64(), DateTimeKind.Utc);

        public double? Number() => ReadBoolean() ? ReadDouble() : null;

        public Dictionary<string, long> Counts()
        {
            var count = Length(Read7BitEncodedInt());
            var counts = new Dictionary<string, long>(count, StringComparer.Ordinal);
            for (var i = 0; i < count; i++)
            {
                counts[Name()] = Count();
            }
            return counts;
        }

        public List<T> List<T>(Func<T> read)
        {
            var count = Length(Read7BitEncodedInt());
            var items = new List<T>(count);
            for (var i = 0; i < count; i++)
            {
                items.Add(read());
            }
            return items;
        }

        private string Added(string text)
        {
            _texts.Add(text);
            return text;
        }

        // Every item takes at least a byte: a count beyond what is left is a damaged entry, not an allocation to make.
        private int Length(int count) => count >= 0 && count <= BaseStream.Length - BaseStream.Position ? count : throw new FormatException("Damaged snapshot.");
    }
}
