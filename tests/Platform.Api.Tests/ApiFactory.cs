using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Platform.Testing;

namespace Platform.Api.Tests;

/// <summary>The real Api in process, on a fresh database of the chosen provider, with a known admin key.</summary>
public sealed class ApiFactory(string? connectionString, IReadOnlyDictionary<string, string>? settings = null) : WebApplicationFactory<Program>
{
    public const string AdminKey = "test-admin-key-0123456789";
    private readonly TempDirectory _dataDirectory = new("api");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Platform:AdminKey", AdminKey);
        builder.UseSetting("Platform:DataDir", _dataDirectory.Path);
        builder.UseSetting("ConnectionStrings:platformdb", connectionString ?? $"Data Source={DatabasePath}");
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            builder.UseSetting(key, value);
        }
    }

    public string DatabasePath => Path.Combine(_dataDirectory.Path, "api.db");

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
        _dataDirectory.Dispose();
    }
}
