using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Platform.Core.Data;
using Platform.Core.Events;

namespace Platform.Core.Analytics;

/// <summary>
/// Reads the events an analysis needs. EF Core writes the SQL (a projection of the engine's columns, newest first,
/// capped), but the rows are read straight from the DbDataReader (on SQLite through SQLite's own API,
/// <see cref="SqliteEventRows"/>): at 100,000 rows per answer the per-row costs of EF's materializer, and on SQLite of
/// Microsoft.Data.Sqlite's column reads and of parsing its text timestamps with DateTime.Parse, are most of the time.
/// </summary>
internal static class UserEventReader
{
    public static IQueryable<ProductEvent> Matching(PlatformDbContext db, AnalyticsQuery query)
    {
        var rows = db.ProductEvents.AsNoTracking().Where(e => e.UserId == query.UserId);
        if (query.SessionId is { } session)
        {
            rows = rows.Where(e => e.SessionId == session);
        }
        if (query.From is { } from)
        {
            rows = rows.Where(e => e.Timestamp >= from);
        }
        if (query.To is { } to)
        {
            rows = rows.Where(e => e.Timestamp < to);
        }
        return rows;
    }

    /// <summary>How many events match: on the (user, timestamp) index alone, no row is read.</summary>
    public static Task<long> CountAsync(PlatformDbContext db, AnalyticsQuery query, CancellationToken ct) => Matching(db, query).LongCountAsync(ct);

    /// <summary>
    /// The newest <paramref name="max"/> events, and whether there were more. Read newest-first so that
    /// the cap keeps the recent behaviour; the (user, timestamp) index serves both directions. Events with equal
    /// timestamps come in index order (no tie-breaking sort: on SQLite it cost as much as the read).
    /// </summary>
    public static async Task<UserEvents> ReadAsync(PlatformDbContext db, AnalyticsQuery query, int max, CancellationToken ct)
    {
        var projection = Matching(db, query)
            .OrderByDescending(e => e.Timestamp)
            .Take(max + 1)
            .Select(e => new
            {
                e.Timestamp, e.EventType, e.SessionId, e.ComponentId, Page = e.Page ?? e.PageUrl,
                // Only errors need their message; the others' would be read for nothing.
                Message = e.EventType == EventTypes.Error ? e.Message : null,
                e.DurationMs, e.X, e.Y,
            });
        var events = new EventList();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var command = projection.CreateDbCommand();
            if (db.Database.GetDbConnection() is SqliteConnection connection)
            {
                SqliteEventRows.Read(connection, command, events, ct);
            }
            else
            {
                var texts = new EventTexts();
                await using var reader = await command.ExecuteReaderAsync(ct);
                while (await reader.ReadAsync(ct))
                {
                    events.Add(new AnalyticsEvent(
                        DateTime.SpecifyKind(reader.GetDateTime(0), DateTimeKind.Utc),
                        texts.Get(reader.GetString(1)), Text(reader, 2, texts), Text(reader, 3, texts), Text(reader, 4, texts), Text(reader, 5, texts),
                        Number(reader, 6), Number(reader, 7), Number(reader, 8)));
                }
            }
        }
        catch
        {
            events.Dispose();
            throw;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
        return new UserEvents(events, max);
    }

    private static string? Text(DbDataReader reader, int ordinal, EventTexts texts) => reader.IsDBNull(ordinal) ? null : texts.Get(reader.GetString(ordinal));

    private static double? Number(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetDouble(ordinal);
}
