using System.Buffers;

namespace Platform.Api.Events;

/// <summary>
/// A request body read whole into one pooled array, so a parser can take it as one span; the server bounds its size
/// (the endpoint's request limit) while it is read. Dispose returns the array: nothing may keep a slice of it.
/// </summary>
internal sealed class RequestBody : IDisposable
{
    private byte[]? _bytes;
    private readonly int _length;

    private RequestBody(byte[] bytes, int length) => (_bytes, _length) = (bytes, length);

    public ReadOnlySpan<byte> Span => _bytes.AsSpan(0, _length);

    public static async Task<RequestBody> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var reader = request.BodyReader;
        while (true)
        {
            var result = await reader.ReadAsync(cancellationToken);
            var buffer = result.Buffer;
            if (result.IsCompleted || result.IsCanceled)
            {
                var bytes = ArrayPool<byte>.Shared.Rent((int)Math.Max(1, buffer.Length));
                buffer.CopyTo(bytes);
                var body = new RequestBody(bytes, (int)buffer.Length);
                reader.AdvanceTo(buffer.End);
                return body;
            }
            // Nothing consumed yet: the pipe keeps the whole body until it is complete.
            reader.AdvanceTo(buffer.Start, buffer.End);
        }
    }

    public void Dispose()
    {
        if (_bytes is { } bytes)
        {
            _bytes = null;
            ArrayPool<byte>.Shared.Return(bytes);
        }
    }
}
