using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Platform.AppHost;

/// <summary>
/// Settings from APPHOST_* environment variables, overridden by `--name value` / `--name=value`.
/// </summary>
internal sealed partial record LauncherOptions
{
    public string DataDir { get; private init; } = ".data";
    public int ApiPort { get; private init; } = 5080;
    public int WebPort { get; private init; } = 5081;
    public int WorkerPort { get; private init; } = 5082;
    public bool Postgres { get; private init; }
    public bool Redis { get; private init; }
    public string? Db { get; private init; }
    public string? Cache { get; private init; }
    public bool Help { get; private init; }

    // Option name -> takes a value (false = a flag).
    private static readonly Dictionary<string, bool> Known = new()
    {
        ["data-dir"] = true,
        ["api-port"] = true,
        ["web-port"] = true,
        ["worker-port"] = true,
        ["db"] = true,
        ["cache"] = true,
        ["postgres"] = false,
        ["redis"] = false,
    };

    public static bool TryParse(string[] args, [NotNullWhen(true)] out LauncherOptions? options, out string error)
    {
        options = null;
        var values = FromEnvironment();
        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            if (arg is "-h" or "-?" or "--help")
            {
                options = new LauncherOptions { Help = true };
                error = "";
                return true;
            }

            var body = arg.StartsWith("--", StringComparison.Ordinal) ? arg[2..] : "";
            var eq = body.IndexOf('=', StringComparison.Ordinal);
            var name = eq < 0 ? body : body[..eq];
            var value = eq < 0 ? null : body[(eq + 1)..];
            if (!Known.TryGetValue(name, out var takesValue))
            {
                error = $"unknown argument '{arg}'";
                return false;
            }

            if (value is null && takesValue && i + 1 >= args.Length)
            {
                error = $"--{name} needs a value";
                return false;
            }

            values[name] = value ?? (takesValue ? args[++i] : "true");
        }

        return TryBuild(values, out options, out error);
    }

    private static Dictionary<string, string> FromEnvironment()
    {
        var values = new Dictionary<string, string>();
        foreach (var name in Known.Keys)
        {
            var env = Environment.GetEnvironmentVariable("APPHOST_" + name.Replace('-', '_').ToUpperInvariant());
            if (!string.IsNullOrEmpty(env))
            {
                values[name] = env;
            }
        }

        return values;
    }

    private static bool TryBuild(Dictionary<string, string> values, [NotNullWhen(true)] out LauncherOptions? options, out string error)
    {
        options = null;
        error = "";
        var result = new LauncherOptions
        {
            DataDir = values.GetValueOrDefault("data-dir", ".data"),
            Db = values.GetValueOrDefault("db"),
            Cache = values.GetValueOrDefault("cache"),
        };
        int? Port(string name, int fallback)
        {
            if (!values.TryGetValue(name, out var text))
            {
                return fallback;
            }

            return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port <= 65535 ? port : null;
        }

        bool? Flag(string name) => values.GetValueOrDefault(name, "false").ToLowerInvariant() switch
        {
            "true" or "1" or "yes" => true,
            "false" or "0" or "no" or "" => false,
            _ => null,
        };

        if (Port("api-port", 5080) is not { } api || Port("web-port", 5081) is not { } web || Port("worker-port", 5082) is not { } worker)
        {
            error = "ports must be numbers from 0 to 65535 (0 picks a free port)";
            return false;
        }

        if (Flag("postgres") is not { } postgres || Flag("redis") is not { } redis)
        {
            error = "--postgres and --redis take true or false";
            return false;
        }

        error = (postgres && result.Db is not null) ? "--postgres and --db exclude each other"
            : (redis && result.Cache is not null) ? "--redis and --cache exclude each other"
            : "";
        if (error.Length > 0)
        {
            return false;
        }

        options = result with { ApiPort = api, WebPort = web, WorkerPort = worker, Postgres = postgres, Redis = redis };
        return true;
    }
}
