"""SQLite's own cost per product event row, without the platform: the product_events table and indexes as the
SQLite migrations create them, rows shaped like the events benchmark's (10,000 users, time-ordered ids, timestamps
up to 2 s old, 16 rows per INSERT), WAL with synchronous=NORMAL and a 64 MiB page cache as the event writer sets.

    python3 bench/Sqlite/event_insert_floor.py <variant> [batches]     (BATCH=10000 rows per transaction by default)

variant: base (the schema as it is), sorted (each batch sorted by user and time first), nots (without the timestamp
index), noidx (without either secondary index). Prints the wall time per row over the second half of the batches.
The figures include Python's own binding cost (compare variants with each other, not with the Api's writer).
"""
import datetime, os, random, sqlite3, sys, time

variant = sys.argv[1]
batches = int(sys.argv[2]) if len(sys.argv) > 2 else 40
size = int(os.environ.get("BATCH", "10000"))
path = f"/tmp/event-insert-floor-{variant}.db"
for suffix in ("", "-wal", "-shm"):
    if os.path.exists(path + suffix):
        os.remove(path + suffix)
db = sqlite3.connect(path, isolation_level=None)
for pragma in ("journal_mode=WAL", "synchronous=NORMAL", "cache_size=-65536"):
    db.execute("PRAGMA " + pragma)
db.execute("""CREATE TABLE product_events (id TEXT NOT NULL CONSTRAINT pk_product_events PRIMARY KEY, user_id TEXT NOT NULL,
 session_id TEXT NULL, event_type TEXT NOT NULL, component_id TEXT NULL, page TEXT NULL, page_url TEXT NULL, target_url TEXT NULL,
 query TEXT NULL, message TEXT NULL, duration_ms REAL NULL, x REAL NULL, y REAL NULL, extra_json TEXT NULL, timestamp TEXT NOT NULL,
 received_at TEXT NOT NULL, owner_user_id TEXT NULL)""")
if variant not in ("nots", "noidx"):
    db.execute("CREATE INDEX ix_product_events_timestamp ON product_events (timestamp)")
if variant != "noidx":
    db.execute("CREATE INDEX ix_product_events_user_id_timestamp_session_id ON product_events (user_id, timestamp, session_id)")

rng = random.Random(1)
types = ["view", "click", "scroll", "input", "submit", "error", "dwell"]
start = datetime.datetime(2026, 12, 2, 10, 0, 0)
insert = "INSERT INTO product_events VALUES " + ",".join(["(" + ",".join(["?"] * 17) + ")"] * 16)
seconds = rows_timed = 0
for b in range(batches):
    now = start + datetime.timedelta(seconds=b * 0.4 * size / 10000)
    rows = []
    for i in range(size):
        # A version-7 GUID as EF Core stores it on SQLite: time-ordered, upper-case text.
        h = f"{int(now.timestamp() * 1000) + i // 100:012X}{rng.getrandbits(80):020X}"
        stamp = (now - datetime.timedelta(milliseconds=rng.randrange(2000))).strftime("%Y-%m-%d %H:%M:%S.%f") + "0"
        rows.append((f"{h[:8]}-{h[8:12]}-7{h[13:16]}-{h[16:20]}-{h[20:]}", f"user-{rng.randrange(10000)}", f"s-{rng.randrange(100000)}",
                     types[rng.randrange(7)], f"button-{rng.randrange(200)}", "/checkout", f"https://shop.example.com/checkout?step={rng.randrange(5)}",
                     None, None, None, float(rng.randrange(5000)), float(rng.randrange(1920)), float(rng.randrange(1080)),
                     '{"plan":"pro","ab":"a"}', stamp, now.strftime("%Y-%m-%d %H:%M:%S.%f") + "0", None))
    if variant == "sorted":
        rows.sort(key=lambda row: (row[1], row[14]))
    statements = [[v for row in rows[k:k + 16] for v in row] for k in range(0, size, 16)]
    clock = time.perf_counter()
    db.execute("BEGIN")
    for values in statements:
        db.execute(insert, values)
    db.execute("COMMIT")
    if b >= batches // 2:
        seconds += time.perf_counter() - clock
        rows_timed += size
print(f"{variant}, {size} rows per transaction: {seconds / rows_timed * 1e6:.1f} µs per row over the last {rows_timed} rows; "
      f"database {os.path.getsize(path) / 1e6:.0f} MB, WAL {os.path.getsize(path + '-wal') / 1e6:.0f} MB")
