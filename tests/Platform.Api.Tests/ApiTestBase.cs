using System.Net.Http.Json;
using System.Text.Json;
using Platform.Testing;

namespace Platform.Api.Tests;

public enum Storage
{
    Sqlite,
    Postgres,
}

/// <summary>
/// Each API test class is abstract and runs once per storage provider through two one-line sealed subclasses
/// (e.g. AuthTestsOnSqlite, AuthTestsOnPostgres).
/// </summary>
public abstract class ApiTestBase(Storage storage, PostgresServer postgres) : IAsyncLifetime
{
    protected ApiFactory Factory { get; private set; } = null!;
    protected HttpClient Admin { get; private set; } = null!;
    protected Storage Storage => storage;
    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        string? connectionString = null;
        if (storage == Storage.Postgres)
        {
            postgres.EnsureAvailable();
            connectionString = await postgres.CreateDatabaseAsync("api");
        }
        Factory = new ApiFactory(connectionString, Settings());
        Admin = Factory.CreateClient(ApiFactory.AdminKey);
    }

    /// <summary>Configuration a test class adds to the Api's own.</summary>
    protected virtual IReadOnlyDictionary<string, string>? Settings() => null;

    public async ValueTask DisposeAsync()
    {
        if (Factory is not null)
        {
            await Factory.DisposeAsync();
        }
        GC.SuppressFinalize(this);
    }

    protected async Task<JsonElement> CreateUserAsync(string name, string role = "member")
    {
        var response = await Admin.PostAsJsonAsync("/api/users", new { name, email = $"{name.ToLowerInvariant()}-{Guid.NewGuid():N}@example.com", role }, Ct);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
    }

    protected async Task<string> CreateKeyAsync(JsonElement user, string scope)
    {
        var response = await Admin.PostAsJsonAsync($"/api/users/{user.GetProperty("id")}/keys", new { name = scope + " key", scope }, Ct);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("key").GetString()!;
    }

    internal static async Task<JsonElement> ProblemAsync(HttpResponseMessage response)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
    }
}
