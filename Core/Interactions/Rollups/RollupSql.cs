using System.Globalization;

namespace Platform.Core.Interactions.Rollups;

/// <summary>
/// The SQL of the triggers that keep <see cref="InteractionRollup"/>, <see cref="InteractionLatencyBucket"/> and
/// <see cref="InteractionDailyLatencyBucket"/> in step with the interactions table, and of their backfill, for both
/// providers. The migrations InteractionRollups and InteractionDailyLatency run it: what an applied migration ran must
/// not change, so a change here means a new migration (and entry point) that drops and recreates the triggers.
/// SQLite: row triggers, one upsert per table per changed row. PostgreSQL: statement triggers over the transition
/// tables, so a COPY of a whole batch is one grouped upsert per table (keys sorted, so concurrent writers lock the
/// rollup rows in the same order).
/// </summary>
public static class RollupSql
{
    private const string NoOwner = "'00000000-0000-0000-0000-000000000000'";

    private static readonly string[] KeyColumns = ["hour", "owner_user_id", "type", "model", "provider", "status"];

    private static readonly string[] RollupColumns =
    [
        "count", "cost_usd", "total_tokens", "latency_count", "latency_sum_ms", "quality_count", "quality_sum", "complete",
        "feedback_none", "feedback_thumbs_up", "feedback_thumbs_down", "feedback_accepted", "feedback_rejected", "feedback_modified", "feedback_other",
    ];

    // The thumbs rating is the feedback column, the verdict its own column; a row with both counts under both.
    private static readonly string[] KnownRatings = ["thumbs_up", "thumbs_down"];
    private static readonly string[] KnownVerdicts = ["accepted", "rejected", "modified"];

    /// <summary>Migration InteractionRollups: the hourly tables' backfill and their triggers.</summary>
    public static string SqliteUp() => Backfill(postgres: false) + "\n" + SqliteTriggers(daily: false);

    /// <summary>Migration InteractionDailyLatency: the daily histogram's backfill, and triggers that keep it too.</summary>
    public static string SqliteDailyUp() => SqliteDown + "\n" + DailyBackfill(postgres: false) + "\n" + SqliteTriggers(daily: true);

    public static string SqliteDailyDown() => SqliteDown + "\n" + SqliteTriggers(daily: false);

    private static string SqliteTriggers(bool daily) => string.Join("\n", [
        $"""
        CREATE TRIGGER interactions_rollup_insert AFTER INSERT ON interactions BEGIN
        {RowUpserts("NEW", "1", daily)}
        END;
        """,
        $"""
        CREATE TRIGGER interactions_rollup_delete AFTER DELETE ON interactions BEGIN
        {RowUpserts("OLD", "-1", daily)}
        END;
        """,
        $"""
        CREATE TRIGGER interactions_rollup_update AFTER UPDATE OF
            created_at, owner_user_id, type, model, model_requested, provider, status, response, cost_usd, total_tokens,
            latency_ms, quality_score, missing_variables_json, feedback, verdict ON interactions
        WHEN {Changed()}
        BEGIN
        {RowUpserts("OLD", "-1", daily)}
        {RowUpserts("NEW", "1", daily)}
        END;
        """,
    ]);

    public const string SqliteDown = """
        DROP TRIGGER IF EXISTS interactions_rollup_insert;
        DROP TRIGGER IF EXISTS interactions_rollup_delete;
        DROP TRIGGER IF EXISTS interactions_rollup_update;
        """;

    /// <summary>Migration InteractionRollups: the hourly tables' backfill and their triggers.</summary>
    public static string PostgresUp() => Backfill(postgres: true) + "\n" + PostgresTriggers(daily: false);

    /// <summary>Migration InteractionDailyLatency: the daily histogram's backfill, and triggers that keep it too.</summary>
    public static string PostgresDailyUp() => PostgresDown + "\n" + DailyBackfill(postgres: true) + "\n" + PostgresTriggers(daily: true);

    public static string PostgresDailyDown() => PostgresDown + "\n" + PostgresTriggers(daily: false);

    private static string PostgresTriggers(bool daily) => $"""
        CREATE FUNCTION interactions_rollup() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF TG_OP = 'INSERT' THEN
                {GroupedUpserts(Source("new_rows", "1"), daily)}
            ELSIF TG_OP = 'UPDATE' THEN
                {GroupedUpserts(Source("old_rows", "-1") + " UNION ALL " + Source("new_rows", "1"), daily)}
            ELSE
                {GroupedUpserts(Source("old_rows", "-1"), daily)}
            END IF;
            RETURN NULL;
        END $$;
        CREATE TRIGGER interactions_rollup_insert AFTER INSERT ON interactions
            REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION interactions_rollup();
        CREATE TRIGGER interactions_rollup_update AFTER UPDATE ON interactions
            REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION interactions_rollup();
        CREATE TRIGGER interactions_rollup_delete AFTER DELETE ON interactions
            REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION interactions_rollup();
        """;

    public const string PostgresDown = """
        DROP TRIGGER IF EXISTS interactions_rollup_insert ON interactions;
        DROP TRIGGER IF EXISTS interactions_rollup_update ON interactions;
        DROP TRIGGER IF EXISTS interactions_rollup_delete ON interactions;
        DROP FUNCTION IF EXISTS interactions_rollup();
        """;

    /// <summary>The existing rows, summed once when the tables are created (they start empty, so no conflict).</summary>
    private static string Backfill(bool postgres)
    {
        var source = Source("interactions", "1");
        var keys = Keys("r", "r.unanswered", postgres);
        return $"""
            INSERT INTO interaction_rollups ({string.Join(", ", KeyColumns.Concat(RollupColumns))})
            SELECT {string.Join(", ", keys.Concat(Values("r", "r.s").Select(v => $"SUM({v})")))}
            FROM ({source}) r GROUP BY 1, 2, 3, 4, 5, 6;
            INSERT INTO interaction_latency_buckets ({string.Join(", ", KeyColumns)}, bucket, count, sum_ms)
            SELECT {string.Join(", ", keys)}, {Bucket("r.latency_ms", postgres)}, SUM(r.s), SUM(r.s * r.latency_ms)
            FROM ({source}) r WHERE r.latency_ms IS NOT NULL GROUP BY 1, 2, 3, 4, 5, 6, 7;
            """;
    }

    /// <summary>The daily histogram of the existing rows (it starts empty, so no conflict).</summary>
    private static string DailyBackfill(bool postgres) => $"""
        INSERT INTO interaction_daily_latency_buckets ({string.Join(", ", DailyKeyColumns)}, bucket, count, sum_ms)
        SELECT {string.Join(", ", DailyKeys("r", postgres))}, {Bucket("r.latency_ms", postgres)}, COUNT(*), SUM(r.latency_ms)
        FROM interactions r WHERE r.latency_ms IS NOT NULL GROUP BY 1, 2, 3;
        """;

    /// <summary>The columns the rollups read, with the sign the row counts with: +1 added, -1 taken away.</summary>
    private static string Source(string table, string sign) =>
        $"SELECT {sign} AS s, created_at, owner_user_id, type, model, model_requested, provider, status, " +
        "(response IS NULL OR response = '') AS unanswered, cost_usd, total_tokens, latency_ms, " +
        $"quality_score, missing_variables_json, feedback, verdict FROM {table}";

    private static string GroupedUpserts(string source, bool daily)
    {
        const bool postgres = true;
        var keys = Keys("r", "r.unanswered", postgres);
        var sums = Values("r", "r.s").Select(v => $"SUM({v})").ToList();
        return $"""
            INSERT INTO interaction_rollups AS t ({string.Join(", ", KeyColumns.Concat(RollupColumns))})
            SELECT {string.Join(", ", keys.Concat(sums))}
            FROM ({source}) r GROUP BY 1, 2, 3, 4, 5, 6 HAVING {string.Join(" OR ", sums.Select(s => s + " <> 0"))}
            ORDER BY 1, 2, 3, 4, 5, 6
            ON CONFLICT ({string.Join(", ", KeyColumns)}) DO UPDATE SET {string.Join(", ", RollupColumns.Select(c => $"{c} = t.{c} + excluded.{c}"))};
            INSERT INTO interaction_latency_buckets AS t ({string.Join(", ", KeyColumns)}, bucket, count, sum_ms)
            SELECT {string.Join(", ", keys)}, {Bucket("r.latency_ms", postgres)}, SUM(r.s), SUM(r.s * r.latency_ms)
            FROM ({source}) r WHERE r.latency_ms IS NOT NULL GROUP BY 1, 2, 3, 4, 5, 6, 7
            HAVING SUM(r.s) <> 0 OR SUM(r.s * r.latency_ms) <> 0
            ORDER BY 1, 2, 3, 4, 5, 6, 7
            ON CONFLICT ({string.Join(", ", KeyColumns)}, bucket) DO UPDATE SET count = t.count + excluded.count, sum_ms = t.sum_ms + excluded.sum_ms;
            {(daily ? $"""
            INSERT INTO interaction_daily_latency_buckets AS t ({string.Join(", ", DailyKeyColumns)}, bucket, count, sum_ms)
            SELECT {string.Join(", ", DailyKeys("r", postgres))}, {Bucket("r.latency_ms", postgres)}, SUM(r.s), SUM(r.s * r.latency_ms)
            FROM ({source}) r WHERE r.latency_ms IS NOT NULL GROUP BY 1, 2, 3
            HAVING SUM(r.s) <> 0 OR SUM(r.s * r.latency_ms) <> 0
            ORDER BY 1, 2, 3
            ON CONFLICT ({string.Join(", ", DailyKeyColumns)}, bucket) DO UPDATE SET count = t.count + excluded.count, sum_ms = t.sum_ms + excluded.sum_ms;
            """ : "")}
            """;
    }

    /// <summary>SQLite: the upserts for one row (NEW or OLD) of a row trigger.</summary>
    private static string RowUpserts(string row, string sign, bool daily)
    {
        var keys = Keys(row, $"({row}.response IS NULL OR {row}.response = '')", postgres: false);
        // "WHERE true" before ON CONFLICT: SQLite's parser needs it to tell the upsert from a join's ON.
        return $"""
            INSERT INTO interaction_rollups ({string.Join(", ", KeyColumns.Concat(RollupColumns))})
            SELECT {string.Join(", ", keys.Concat(Values(row, sign)))} WHERE true
            ON CONFLICT ({string.Join(", ", KeyColumns)}) DO UPDATE SET {string.Join(", ", RollupColumns.Select(c => $"{c} = {c} + excluded.{c}"))};
            INSERT INTO interaction_latency_buckets ({string.Join(", ", KeyColumns)}, bucket, count, sum_ms)
            SELECT {string.Join(", ", keys)}, {Bucket(row + ".latency_ms", postgres: false)}, {sign}, {sign} * {row}.latency_ms
            WHERE {row}.latency_ms IS NOT NULL
            ON CONFLICT ({string.Join(", ", KeyColumns)}, bucket) DO UPDATE SET count = count + excluded.count, sum_ms = sum_ms + excluded.sum_ms;
            {(daily ? $"""
            INSERT INTO interaction_daily_latency_buckets ({string.Join(", ", DailyKeyColumns)}, bucket, count, sum_ms)
            SELECT {string.Join(", ", DailyKeys(row, postgres: false))}, {Bucket(row + ".latency_ms", postgres: false)}, {sign}, {sign} * {row}.latency_ms
            WHERE {row}.latency_ms IS NOT NULL
            ON CONFLICT ({string.Join(", ", DailyKeyColumns)}, bucket) DO UPDATE SET count = count + excluded.count, sum_ms = sum_ms + excluded.sum_ms;
            """ : "")}
            """;
    }

    /// <summary>SQLite's update trigger runs only when something the rollups sum has changed.</summary>
    private static string Changed() => string.Join(" OR ",
        new[] { "created_at", "owner_user_id", "type", "model", "model_requested", "provider", "status", "cost_usd", "total_tokens", "latency_ms",
            "quality_score", "missing_variables_json", "feedback", "verdict" }.Select(c => $"OLD.{c} IS NOT NEW.{c}")
        .Append("(OLD.response IS NULL OR OLD.response = '') IS NOT (NEW.response IS NULL OR NEW.response = '')"));

    private static string[] Keys(string r, string unanswered, bool postgres) =>
    [
        postgres ? $"floor(extract(epoch FROM {r}.created_at) / 3600)::bigint" : $"CAST(strftime('%s', {r}.created_at) AS INTEGER) / 3600",
        postgres ? $"COALESCE({r}.owner_user_id, {NoOwner}::uuid)" : $"COALESCE({r}.owner_user_id, {NoOwner})",
        $"{r}.type",
        $"COALESCE({r}.model, {r}.model_requested, '')",
        $"COALESCE({r}.provider, '')",
        $"CASE {r}.status WHEN 'completed' THEN 'success' WHEN 'failed' THEN CASE WHEN {unanswered} THEN 'failure' ELSE 'partial' END ELSE {r}.status END",
    ];

    private static readonly string[] DailyKeyColumns = ["day", "owner_user_id"];

    private static string[] DailyKeys(string r, bool postgres) =>
    [
        postgres ? $"floor(extract(epoch FROM {r}.created_at) / 86400)::bigint" : $"CAST(strftime('%s', {r}.created_at) AS INTEGER) / 86400",
        Keys(r, "false", postgres)[1],
    ];

    private static string[] Values(string r, string s) =>
    [
        s,
        $"{s} * COALESCE({r}.cost_usd, 0)",
        $"{s} * COALESCE({r}.total_tokens, 0)",
        $"{s} * CASE WHEN {r}.latency_ms IS NULL THEN 0 ELSE 1 END",
        $"{s} * COALESCE({r}.latency_ms, 0)",
        $"{s} * CASE WHEN {r}.quality_score IS NULL THEN 0 ELSE 1 END",
        $"{s} * COALESCE({r}.quality_score, 0)",
        $"{s} * CASE WHEN {r}.missing_variables_json IS NULL OR {r}.missing_variables_json = '[]' THEN 1 ELSE 0 END",
        $"{s} * CASE WHEN {r}.feedback IS NULL AND {r}.verdict IS NULL THEN 1 ELSE 0 END",
        .. KnownRatings.Select(f => $"{s} * CASE WHEN {r}.feedback = '{f}' THEN 1 ELSE 0 END"),
        .. KnownVerdicts.Select(v => $"{s} * CASE WHEN {r}.verdict = '{v}' THEN 1 ELSE 0 END"),
        $"{s} * CASE WHEN ({r}.feedback IS NOT NULL AND {r}.feedback NOT IN ({Quoted(KnownRatings)})) " +
            $"OR ({r}.verdict IS NOT NULL AND {r}.verdict NOT IN ({Quoted(KnownVerdicts)})) THEN 1 ELSE 0 END",
    ];

    private static string Quoted(string[] values) => string.Join(", ", values.Select(v => $"'{v}'"));

    /// <summary><see cref="LatencyBuckets.Of"/> in SQL: SQLite's CAST truncates (floor for these positive values), PostgreSQL's rounds, so floor there.</summary>
    private static string Bucket(string v, bool postgres)
    {
        string Floor(string x) => postgres ? $"floor({x})::int" : $"CAST({x} AS INTEGER)";
        var cases = new List<string> { $"WHEN {v} < 0 THEN 0", $"WHEN {v} < {LatencyBuckets.Linear} THEN {Floor(v)}" };
        for (var k = 0; k < LatencyBuckets.Doublings; k++)
        {
            long low = LatencyBuckets.Linear << k;
            var first = LatencyBuckets.Linear + (LatencyBuckets.PerDoubling * k);
            cases.Add(string.Create(CultureInfo.InvariantCulture, $"WHEN {v} < {low * 2} THEN {first} + {Floor($"({v} - {low}) / {8 << k}")}"));
        }
        return $"CASE {string.Join(" ", cases)} ELSE {LatencyBuckets.Overflow} END";
    }
}
