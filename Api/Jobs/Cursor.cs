using System.Buffers.Text;

namespace Platform.Api.Jobs;

/// <summary>
/// Keyset paging over version-7 ids (time ordered): the cursor is the last id of a page, opaque to clients.
/// A cursor that does not decode is a 400, not an empty page.
/// </summary>
internal static class Cursor
{
    public const int DefaultLimit = 50;

    /// <summary>The page size asked for, or the default kept within the configured cap.</summary>
    public static int Limit(int? asked, int maxPageSize) => asked ?? Math.Min(DefaultLimit, maxPageSize);

    public static string Encode(Guid id) => Base64Url.EncodeToString(id.ToByteArray());

    public static bool TryDecode(string? cursor, out Guid? id)
    {
        id = null;
        if (string.IsNullOrEmpty(cursor))
        {
            return true;
        }
        // TryDecodeFromChars throws on characters outside the alphabet, so the shape is checked first.
        var bytes = new byte[16];
        if (!Base64Url.IsValid(cursor, out var length) || length != 16 || !Base64Url.TryDecodeFromChars(cursor, bytes, out var written) || written != 16)
        {
            return false;
        }
        id = new Guid(bytes);
        return true;
    }

    public static string? Next<T>(IReadOnlyList<T> page, int limit, Func<T, Guid> id) =>
        page.Count == limit ? Encode(id(page[^1])) : null;
}
