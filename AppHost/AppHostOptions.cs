namespace Platform.AppHost;

/// <summary>The AppHost's own settings, read from configuration (command line `--Name value`, environment, appsettings).</summary>
internal sealed record AppHostOptions(InfraMode RequestedInfra, string DataDir, string? Error)
{
    public const string InfraKey = "Infra";
    public const string DataDirKey = "DataDir";

    public const string HelpText = """
        Runs the LLM platform under Aspire: api, worker and web, their database and cache, and the Aspire dashboard.

        Usage: dotnet run --project AppHost [-- options]

        Options (also as configuration: environment variables such as Infra=local, or AppHost/appsettings.json):
          --Infra <mode>                          auto (default) | containers | local | embedded
                                                    containers: Redis and PostgreSQL containers (needs a running Docker/Podman)
                                                    local:      redis-server and PostgreSQL from this machine's binaries
                                                    embedded:   SQLite file and in-memory cache, nothing to install
                                                    auto:       the first of containers, local, embedded this machine can run
          --DataDir <path>                        where SQLite, local PostgreSQL, keys and the admin key live (default: <repo>/.data)
          --ConnectionStrings:platformdb <conn>   use this database (PostgreSQL "Host=...", SQLite "Data Source=...") instead
          --ConnectionStrings:cache <host:port>   use this Redis instead
          --Parameters:admin-key <key>            the admin API key (default: generated once into <data dir>/admin-key)
          --Llm:...                               gateway settings forwarded to api and worker (see README, "Gateway settings")
          --RateLimits:..., --Alerts:..., --Events:..., --Analytics:...   also forwarded to api and worker
          --Demo:IngestKey, --Demo:MemberKey, --Demo:Model   the demo chat at <api>/demo/ (see docs/tracker.md)
          --publisher manifest --output-path <file>   write the Aspire manifest for azd instead of running
          -h, --help                              show this help

        The dashboard link (with its login token) and the admin sign-in link are printed once everything is healthy.
        """;

    public static bool WantsHelp(string[] args) => args.Any(a => a is "-h" or "-?" or "--help");

    public static AppHostOptions From(IDistributedApplicationBuilder builder)
    {
        var dataDir = Path.GetFullPath(builder.Configuration[DataDirKey] is { Length: > 0 } configured
            ? configured
            : Path.Combine(builder.AppHostDirectory, "..", ".data"));
        var text = builder.Configuration[InfraKey] ?? "auto";
        if (!Enum.TryParse<InfraMode>(text, ignoreCase: true, out var mode) || !Enum.IsDefined(mode))
        {
            return new AppHostOptions(InfraMode.Auto, dataDir, $"Infra must be one of auto, containers, local, embedded (got '{text}')");
        }

        var error = ConnectionStringCheck.FirstProblem(builder.Configuration);
        return new AppHostOptions(mode, dataDir, error);
    }
}
