using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Platform.Core.Data;
using Platform.Testing;

namespace Platform.Api.Tests;

/// <summary>
/// The real Api in process, on a fresh database of the chosen provider, with a known admin key. Its data folder is
/// its own unless one is given (to run a second Api on the same local state after the first has stopped).
/// </summary>
public sealed class ApiFactory(string? connectionString, IReadOnlyDictionary<string, string>? settings = null, string? dataDirectory = null)
    : WebApplicationFactory<Program>
{
    public const string AdminKey = "test-admin-key-0123456789";
    private readonly TempDirectory? _ownDirectory = dataDirectory is null ? new("api") : null;
    private IHost? _host;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Platform:AdminKey", AdminKey);
        builder.UseSetting("Platform:DataDir", DataDirectory);
        builder.UseSetting("ConnectionStrings:platformdb", connectionString ?? $"Data Source={DatabasePath}");
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            builder.UseSetting(key, value);
        }
    }

    protected override IHost CreateHost(IHostBuilder builder) => _host = base.CreateHost(builder);

    public string DataDirectory => dataDirectory ?? _ownDirectory!.Path;

    public string DatabasePath => Path.Combine(DataDirectory, "api.db");

    /// <summary>A context of its own on the Api's database: usable after a stop has disposed the host's services.</summary>
    public PlatformDbContext NewDbContext()
    {
        var options = new DbContextOptionsBuilder<PlatformDbContext>();
        StorageExtensions.Configure(options, DatabaseSelector.Select(connectionString ?? $"Data Source={DatabasePath}", DataDirectory));
        return new PlatformDbContext(options.Options);
    }

    /// <summary>The started host, for a graceful stop (StopAsync) in the middle of a test.</summary>
    public IHost Host => _host ?? throw new InvalidOperationException("The Api has not been started; create a client first.");

    public HttpClient CreateClient(string? apiKey)
    {
        var client = CreateClient();
        if (apiKey is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        }
        return client;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        _ownDirectory?.Dispose();
    }
}
