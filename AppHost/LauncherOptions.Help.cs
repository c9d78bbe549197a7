namespace Platform.AppHost;

internal sealed partial record LauncherOptions
{
    public const string HelpText = """
        Starts the platform: Api first, then Worker and Web once the Api answers /health.

        Usage: dotnet run --project AppHost [-- options]

        Options (each also read from the environment variable in brackets; the command line wins):
          --data-dir <path>      data folder: SQLite file, admin key, local PostgreSQL    [APPHOST_DATA_DIR]
                                 (default: .data under the current directory)
          --api-port <port>      Api port, 0 = pick a free one (default 5080)             [APPHOST_API_PORT]
          --web-port <port>      Web port, 0 = pick a free one (default 5081)             [APPHOST_WEB_PORT]
          --worker-port <port>   Worker port, 0 = pick a free one (default 5082)          [APPHOST_WORKER_PORT]
          --db <connection>      use this database connection string                     [APPHOST_DB]
                                 (default: SQLite at <data-dir>/platform.db)
          --postgres             start a local PostgreSQL in <data-dir>/postgres          [APPHOST_POSTGRES=true]
          --cache <connection>   use this Redis connection string (default: in-memory)   [APPHOST_CACHE]
          --redis                start a local redis-server (no persistence)              [APPHOST_REDIS=true]
          -h, --help             show this help

        The admin key comes from Platform__AdminKey if set, otherwise from <data-dir>/admin-key
        (generated on the first run). Ctrl+C stops everything: Web and Worker, then Api, then
        PostgreSQL/Redis.
        """;
}
