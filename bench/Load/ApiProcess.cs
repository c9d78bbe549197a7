using System.Diagnostics;
using Platform.Bench.Peers;

namespace Platform.Bench.Load;

/// <summary>The built Api (same configuration as the bench) started as its own process, as in production.</summary>
public sealed class ApiProcess : IAsyncDisposable
{
    private readonly Process _process;

    private ApiProcess(Process process, string url) => (_process, Url) = (process, url);

    public string Url { get; }

    public int Id => _process.Id;

    /// <summary>The process's resident set now (VmRSS), in MiB; NaN off Linux.</summary>
    public double ResidentMiB() => ProcessStats.ResidentMiB(_process.Id);

    /// <summary>The process's peak resident set so far, in MiB; NaN off Linux.</summary>
    public double PeakResidentMiB() => ProcessStats.PeakResidentMiB(_process.Id);

    /// <summary>CPU time the process has used so far; NaN off Linux.</summary>
    public double CpuMilliseconds() => ProcessStats.CpuMilliseconds(_process.Id);

    /// <param name="apiDll">Another build's Platform.Api.dll (an A/B against a copy of main's build, say); by default the one beside the bench.</param>
    public static async Task<ApiProcess> StartAsync(int port, IDictionary<string, string> environment, string? apiDll = null)
    {
        var api = apiDll ?? LocateApi();
        // Its own directory as the content root, as when deployed: appsettings.json (log levels among them) applies.
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Path.GetDirectoryName(api)! };
        start.ArgumentList.Add(api);
        var url = $"http://127.0.0.1:{port}";
        start.Environment["ASPNETCORE_URLS"] = url;
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) Console.Error.WriteLine("api | " + e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var http = new HttpClient();
        for (var i = 0; i < 600; i++)
        {
            try
            {
                if ((await http.GetAsync(url + "/health")).IsSuccessStatusCode)
                {
                    return new ApiProcess(process, url);
                }
            }
            catch (HttpRequestException)
            {
            }
            await Task.Delay(100);
        }
        process.Kill(true);
        throw new InvalidOperationException("the Api did not become healthy");
    }

    private static string LocateApi()
    {
        // bench/bin/<configuration>/<tfm>/ -> Api/bin/<configuration>/<tfm>/Platform.Api.dll
        var output = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var root = output;
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "Platform.sln")))
        {
            root = root.Parent;
        }
        return Path.Combine(root!.FullName, "Api", "bin", output.Parent!.Name, output.Name, "Platform.Api.dll");
    }

    public async ValueTask DisposeAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        _process.Dispose();
    }
}
