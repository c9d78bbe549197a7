using System.Buffers.Binary;
using System.Buffers.Text;

namespace Platform.Api.Events;

/// <summary>
/// Keyset paging over (timestamp, id), newest first: events arrive with client times out of order, so the id alone
/// would not follow the timeline. The cursor is the last item's pair, opaque to clients; one that does not decode is a 400.
/// </summary>
internal static class EventCursor
{
    private const int Length = 8 + 16;

    public static string Encode(DateTime timestamp, Guid id)
    {
        Span<byte> bytes = stackalloc byte[Length];
        BinaryPrimitives.WriteInt64BigEndian(bytes, timestamp.Ticks);
        id.TryWriteBytes(bytes[8..]);
        return Base64Url.EncodeToString(bytes);
    }

    public static bool TryDecode(string? cursor, out (DateTime Timestamp, Guid Id)? position)
    {
        position = null;
        if (string.IsNullOrEmpty(cursor))
        {
            return true;
        }
        var bytes = new byte[Length];
        if (!Base64Url.IsValid(cursor, out var length) || length != Length || !Base64Url.TryDecodeFromChars(cursor, bytes, out var written) || written != Length)
        {
            return false;
        }
        var ticks = BinaryPrimitives.ReadInt64BigEndian(bytes);
        if (ticks < DateTime.MinValue.Ticks || ticks > DateTime.MaxValue.Ticks)
        {
            return false;
        }
        position = (new DateTime(ticks, DateTimeKind.Utc), new Guid(bytes.AsSpan(8)));
        return true;
    }
}
