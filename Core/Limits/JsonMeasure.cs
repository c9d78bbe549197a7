using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Platform.Core.Limits;

/// <summary>Size and depth of a JSON value, measured without building its text.</summary>
public static class JsonMeasure
{
    // Relaxed: non-ASCII text counts as its UTF-8 bytes, not as \uXXXX escapes.
    private static readonly JsonWriterOptions Compact = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Bytes of the compact UTF-8 JSON, counted as it is written (nothing is kept).</summary>
    public static long Bytes(JsonNode node)
    {
        using var counter = new CountingStream();
        using (var writer = new Utf8JsonWriter(counter, Compact))
        {
            node.WriteTo(writer);
        }
        return counter.Length;
    }

    /// <summary>Levels of objects and arrays: 0 for a scalar, 1 for an object of scalars.</summary>
    public static int Depth(JsonNode? node) => node switch
    {
        JsonObject o => 1 + o.Select(p => Depth(p.Value)).DefaultIfEmpty(0).Max(),
        JsonArray a => 1 + a.Select(Depth).DefaultIfEmpty(0).Max(),
        _ => 0,
    };

    private sealed class CountingStream : Stream
    {
        private long _length;

        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => _length;
        public override long Position { get => _length; set => throw new NotSupportedException(); }

        public override void Write(byte[] buffer, int offset, int count) => _length += count;
        public override void Write(ReadOnlySpan<byte> buffer) => _length += buffer.Length;
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
