using System.Buffers;
using System.IO.Pipelines;

namespace Platform.Api.Interactions;

/// <summary>
/// A write-only stream over the response pipe for writers that only write synchronously: a write copies into the
/// pipe (never blocking, never I/O) and the caller sends with an awaited <see cref="SendAsync"/> once
/// <see cref="Pending"/> has grown, so the bytes held stay bounded.
/// </summary>
internal sealed class PipeStream(PipeWriter pipe) : Stream
{
    public long Pending { get; private set; }

    public async ValueTask SendAsync(CancellationToken ct)
    {
        Pending = 0;
        await pipe.FlushAsync(ct);
    }

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        pipe.Write(buffer);
        Pending += buffer.Length;
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        Write(buffer.Span);
        return ValueTask.CompletedTask;
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
    {
        Write(buffer.AsSpan(offset, count));
        return Task.CompletedTask;
    }

    public override void Flush()
    {
        // Sending is SendAsync's job: a synchronous flush would block on the client.
    }

    public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
}
