using System.Diagnostics;
using System.Text.Json.Nodes;
using Platform.Testing;
using TempDirectory = Platform.Testing.TempDirectory;

namespace Platform.EndToEnd.Tests;

/// <summary>The Aspire manifest azd deploys from: written by the AppHost in publish mode, checked resource by resource.</summary>
public sealed class ManifestTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_manifest_describes_api_worker_web_cache_and_database_with_their_connection_strings()
    {
        using var directory = new TempDirectory("manifest");
        var output = Path.Combine(directory.Path, "aspire-manifest.json");
        var appHost = Projects.Platform_AppHost.ProjectPath;
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { "run", "--project", appHost, "--no-build", "--", "--publisher", "manifest", "--output-path", output })
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync(Ct);
        var stderr = process.StandardError.ReadToEndAsync(Ct);
        await process.WaitForExitAsync(Ct);
        Assert.True(process.ExitCode == 0, $"manifest publish failed ({process.ExitCode}):\n{await stdout}\n{await stderr}");

        var resources = JsonNode.Parse(await File.ReadAllTextAsync(output, Ct))!["resources"]!.AsObject();
        Assert.Equal("redis.server.v0", (string?)resources["cache"]!["type"]);
        Assert.Equal("postgres.database.v0", (string?)resources["platformdb"]!["type"]);
        Assert.Equal("parameter.v0", (string?)resources["admin-key"]!["type"]);
        Assert.True((bool?)resources["admin-key"]!["inputs"]!["value"]!["secret"]);
        foreach (var service in new[] { "api", "worker" })
        {
            var env = resources[service]!["env"]!.AsObject();
            Assert.Equal("project.v0", (string?)resources[service]!["type"]);
            Assert.Equal("{platformdb.connectionString}", (string?)env["ConnectionStrings__platformdb"]);
            Assert.Equal("{cache.connectionString}", (string?)env["ConnectionStrings__cache"]);
        }

        Assert.Equal("{admin-key.value}", (string?)resources["api"]!["env"]!["Platform__AdminKey"]);
        var web = resources["web"]!["env"]!.AsObject();
        Assert.Null(web["ConnectionStrings__platformdb"]);
        Assert.Equal("{api.bindings.http.url}", (string?)web["services__api__http__0"]);
        Assert.True((bool?)resources["web"]!["bindings"]!["http"]!["external"]);
    }
}
