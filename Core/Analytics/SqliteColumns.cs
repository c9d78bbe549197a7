using System.Runtime.InteropServices;
using SQLitePCL;

namespace Platform.Core.Analytics;

/// <summary>
/// SQLite's column accessors called on the statement's raw pointer. SQLitePCL.raw takes a SafeHandle per call and
/// counts a reference on it each time; at nine columns per row and 100,000 rows that was a tenth of an uncached answer.
/// The caller holds one reference on the statement for the whole read (<see cref="Hold"/>). These calls are short, do
/// not block and do not call back, so they skip the GC transition.
/// </summary>
internal static class SqliteColumns
{
    // The native library the SQLitePCL bundle ships and loads (SQLitePCLRaw.lib.e_sqlite3).
    private const string Library = "e_sqlite3";

    /// <summary>The statement's pointer, valid until <paramref name="release"/> is disposed.</summary>
    public static nint Hold(sqlite3_stmt statement, out Release release)
    {
        var added = false;
        statement.DangerousAddRef(ref added);
        release = new Release(statement, added);
        return statement.DangerousGetHandle();
    }

    public static bool IsNull(nint statement, int column) => sqlite3_column_type(statement, column) == raw.SQLITE_NULL;

    public static double Double(nint statement, int column) => sqlite3_column_double(statement, column);

    /// <summary>A TEXT value's UTF-8 (or a BLOB's bytes) where SQLite keeps them, valid until the next step.</summary>
    public static unsafe ReadOnlySpan<byte> Bytes(nint statement, int column)
    {
        var pointer = sqlite3_column_blob(statement, column);
        var length = sqlite3_column_bytes(statement, column);
        return pointer == 0 || length <= 0 ? default : new ReadOnlySpan<byte>((void*)pointer, length);
    }

    public readonly struct Release(sqlite3_stmt statement, bool added) : IDisposable
    {
        public void Dispose()
        {
            if (added)
            {
                statement.DangerousRelease();
            }
        }
    }

    [DllImport(Library), SuppressGCTransition]
    private static extern int sqlite3_column_type(nint statement, int column);

    [DllImport(Library), SuppressGCTransition]
    private static extern double sqlite3_column_double(nint statement, int column);

    [DllImport(Library), SuppressGCTransition]
    private static extern nint sqlite3_column_blob(nint statement, int column);

    [DllImport(Library), SuppressGCTransition]
    private static extern int sqlite3_column_bytes(nint statement, int column);
}
