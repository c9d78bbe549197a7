using System.Globalization;
using System.Net.Sockets;
using Xunit;

namespace Platform.Testing;

/// <summary>
/// A throwaway redis-server from the machine's binary on a free port, with no persistence.
/// Stop and StartAgain (same port) let tests check that caching degrades and recovers; tests
/// that use them should own their instance (class fixture), not share the assembly's.
/// </summary>
public sealed class RedisServer : IAsyncLifetime
{
    public const string MissingBinary = "redis-server not found (apt-get install redis-server)";

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(2);

    private readonly Lock _gate = new();
    private TempDirectory? _root;
    private ServerProcess? _server;
    private string? _executable;
    private Exception? _startError;

    /// <summary>The redis-server to run; null searches PATH and /usr/bin.</summary>
    public string? ExecutablePath { get; init; }

    public bool Available => _executable is not null && _root is not null && _startError is null;

    /// <summary>Why the tests that need Redis skip; null when redis-server was found.</summary>
    public string? SkipReason { get; private set; }

    /// <summary>False between Stop and StartAgain.</summary>
    public bool IsRunning => _server is { HasExited: false };

    public int Port { get; private set; }

    /// <summary>"127.0.0.1:port", the form StackExchange.Redis takes.</summary>
    public string ConnectionString
    {
        get
        {
            EnsureAvailable();
            return $"127.0.0.1:{Port.ToString(CultureInfo.InvariantCulture)}";
        }
    }

    public string? LogPath => _root is null ? null : Path.Combine(_root.Path, "redis.log");

    public ValueTask InitializeAsync()
    {
        _executable = ExecutablePath is null ? Binaries.OnPath("redis-server") : File.Exists(ExecutablePath) ? ExecutablePath : null;
        if (_executable is null)
        {
            SkipReason = MissingBinary;
            return ValueTask.CompletedTask;
        }

        _root = new TempDirectory("platform-redis");
        try
        {
            // The free port can be taken before redis binds it; a fresh port usually fixes that.
            for (var attempt = 1; !TryStart(Infra.FreePort()); attempt++)
            {
                if (attempt == 3)
                {
                    throw new InvalidOperationException($"redis-server exited during start-up. Last log lines:\n{Commands.Tail(LogPath!)}");
                }
            }
        }
        catch (Exception e)
        {
            // Kept for EnsureAvailable: only the tests that need Redis fail, with this reason.
            _startError = e;
        }

        return ValueTask.CompletedTask;
    }

    /// <summary>Call first in a test that needs Redis: skips it, or fails it under PLATFORM_REQUIRE_INFRA=1.</summary>
    public void EnsureAvailable()
    {
        if (_startError is not null)
        {
            throw new InvalidOperationException($"redis-server was found but did not start: {_startError.Message}", _startError);
        }

        if (!Available)
        {
            Infra.SkipOrFail(SkipReason ?? MissingBinary);
        }
    }

    /// <summary>Shuts the server down; clients then see connection failures until StartAgain.</summary>
    public void Stop()
    {
        EnsureAvailable();
        lock (_gate)
        {
            _server?.Stop(TimeSpan.FromSeconds(10));
            _server = null;
        }
    }

    /// <summary>Starts an empty server on the same port, so existing clients can reconnect.</summary>
    public void StartAgain()
    {
        EnsureAvailable();
        lock (_gate)
        {
            if (!IsRunning && !TryStart(Port))
            {
                throw new InvalidOperationException($"redis-server did not start again on port {Port}. Last log lines:\n{Commands.Tail(LogPath!)}");
            }
        }
    }

    /// <summary>Runs one command over raw RESP, e.g. Execute("TTL", key); arrays come back newline-joined.</summary>
    public string? Execute(params string[] command)
    {
        EnsureAvailable();
        return Resp.Execute(Port, command, ProbeTimeout);
    }

    public ValueTask DisposeAsync()
    {
        lock (_gate)
        {
            _server?.Stop(TimeSpan.FromSeconds(10));
            _server = null;
        }

        _root?.Dispose();
        _root = null;
        return ValueTask.CompletedTask;
    }

    /// <summary>True once the server answers PING; false if it exits first (port taken).</summary>
    private bool TryStart(int port)
    {
        Port = port;
        string[] args =
        [
            "--port", port.ToString(CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", "",
            "--appendonly", "no", "--protected-mode", "no", "--dir", _root!.Path,
        ];
        _server = ServerProcess.Start(_executable!, args, LogPath!, "TERM", _root.Path, runAs: null);
        var deadline = DateTime.UtcNow + StartTimeout;
        while (DateTime.UtcNow < deadline)
        {
            if (_server.HasExited)
            {
                _server.Stop(TimeSpan.FromSeconds(1));
                _server = null;
                return false;
            }

            try
            {
                if (Resp.Execute(port, ["PING"], ProbeTimeout) == "PONG")
                {
                    return true;
                }
            }
            catch (Exception e) when (e is SocketException or IOException or InvalidOperationException)
            {
                // Not listening yet.
            }

            Thread.Sleep(50);
        }

        throw new TimeoutException($"redis-server did not answer PING within {StartTimeout.TotalSeconds:0} s. Last log lines:\n{Commands.Tail(LogPath!)}");
    }
}
