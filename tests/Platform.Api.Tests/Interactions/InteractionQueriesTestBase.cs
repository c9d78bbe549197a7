using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Platform.Testing;

namespace Platform.Api.Tests.Interactions;

/// <summary>
/// The fixture seeded into a fresh Api, with clients for the admin and both members. IAsyncLifetime is listed
/// again so that xUnit calls this InitializeAsync, which runs the base one first.
/// </summary>
public abstract class InteractionQueriesTestBase(Storage storage, PostgresServer postgres) : ApiTestBase(storage, postgres), IAsyncLifetime
{
    internal InteractionFixture Fixture { get; } = new();
    protected HttpClient MemberA { get; private set; } = null!;
    protected HttpClient MemberB { get; private set; } = null!;
    protected Guid OwnerA { get; private set; }
    protected Guid OwnerB { get; private set; }

    public new async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        var a = await CreateUserAsync("Ann");
        var b = await CreateUserAsync("Bob");
        OwnerA = a.GetProperty("id").GetGuid();
        OwnerB = b.GetProperty("id").GetGuid();
        MemberA = Factory.CreateClient(await CreateKeyAsync(a, "member"));
        MemberB = Factory.CreateClient(await CreateKeyAsync(b, "member"));
        await Fixture.SeedAsync(Factory.Services, OwnerA, OwnerB);
    }

    protected static async Task<JsonElement> GetJsonAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(url, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
    }

    /// <summary>A 400 problem whose errors name <paramref name="field"/>.</summary>
    protected static async Task AssertRefusedAsync(HttpClient client, string url, string field)
    {
        using var response = await client.GetAsync(url, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await ProblemAsync(response)).GetProperty("errors").TryGetProperty(field, out _), url);
    }

    /// <summary>The names of the fixture rows a list answer holds, sorted.</summary>
    protected async Task<string[]> ListAsync(HttpClient client, string query)
    {
        var page = await GetJsonAsync(client, "/api/interactions?limit=500&" + query);
        return Fixture.Names(page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()));
    }
}
