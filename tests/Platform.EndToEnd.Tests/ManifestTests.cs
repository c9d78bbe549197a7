using System.Diagnostics;
using System.Text.Json.Nodes;
using TempDirectory = Platform.Testing.TempDirectory;

namespace Platform.EndToEnd.Tests;

/// <summary>The Aspire manifest azd deploys from: written by the AppHost in publish mode, checked resource by resource.</summary>
public sealed class ManifestTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_manifest_describes_api_worker_web_cache_and_database_with_their_connection_strings()
    {
        var resources = await PublishManifestAsync();

        Assert.Equal("container.v0", (string?)resources["cache"]!["type"]);
        Assert.Contains("redis", (string?)resources["cache"]!["image"]);
        Assert.Equal("container.v0", (string?)resources["postgres"]!["type"]);
        Assert.Contains("postgres", (string?)resources["postgres"]!["image"]);
        Assert.Equal("{postgres.connectionString};Database=platformdb", (string?)resources["platformdb"]!["connectionString"]);
        Assert.Equal("parameter.v0", (string?)resources["admin-key"]!["type"]);
        Assert.True((bool?)resources["admin-key"]!["inputs"]!["value"]!["secret"]);
        foreach (var service in new[] { "api", "worker" })
        {
            var env = resources[service]!["env"]!.AsObject();
            Assert.Equal("project.v0", (string?)resources[service]!["type"]);
            Assert.Equal("{platformdb.connectionString}", (string?)env["ConnectionStrings__platformdb"]);
            Assert.Equal("{cache.connectionString}", (string?)env["ConnectionStrings__cache"]);
            // A path of the publishing machine means nothing in a container.
            Assert.Null(env["Platform__DataDir"]);
        }

        Assert.Equal("{admin-key.value}", (string?)resources["api"]!["env"]!["Platform__AdminKey"]);
        var web = resources["web"]!["env"]!.AsObject();
        Assert.Null(web["ConnectionStrings__platformdb"]);
        Assert.Equal("{api.bindings.http.url}", (string?)web["services__api__http__0"]);
        Assert.True((bool?)resources["web"]!["bindings"]!["http"]!["external"]);
    }

    [Fact]
    public async Task A_configured_database_connection_string_replaces_the_postgres_container()
    {
        var resources = await PublishManifestAsync("--ConnectionStrings:platformdb=Host=db.example.com;Database=platform");

        Assert.Null(resources["postgres"]);
        Assert.Equal("parameter.v0", (string?)resources["platformdb"]!["type"]);
        Assert.Equal("{platformdb.connectionString}", (string?)resources["api"]!["env"]!["ConnectionStrings__platformdb"]);
        Assert.Equal("container.v0", (string?)resources["cache"]!["type"]);
    }

    /// <summary>What a user (or azd) runs: the AppHost in publish mode, as its own process.</summary>
    private static async Task<JsonObject> PublishManifestAsync(params string[] extraArgs)
    {
        using var directory = new TempDirectory("manifest");
        var output = Path.Combine(directory.Path, "aspire-manifest.json");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in (string[])["run", "--project", Projects.Platform_AppHost.ProjectPath, "--no-build", "--",
                     "--publisher", "manifest", "--output-path", output, .. extraArgs])
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync(Ct);
        var stderr = process.StandardError.ReadToEndAsync(Ct);
        await process.WaitForExitAsync(Ct);
        Assert.True(process.ExitCode == 0, $"manifest publish failed ({process.ExitCode}):\n{await stdout}\n{await stderr}");
        return JsonNode.Parse(await File.ReadAllTextAsync(output, Ct))!["resources"]!.AsObject();
    }
}
