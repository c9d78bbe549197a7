using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Platform.Core.Data;
using Platform.Core.Events;
using Platform.Testing;

namespace Platform.Api.Tests.Events;

/// <summary>An Api with two members, Ann (member and ingest keys) and Bob (ingest key), and CORS open to one origin.</summary>
public abstract class EventsTestBase(Storage storage, PostgresServer postgres) : ApiTestBase(storage, postgres), IAsyncLifetime
{
    public const string AllowedOrigin = "https://shop.example.com";

    protected HttpClient AnnMember { get; private set; } = null!;
    protected HttpClient AnnIngest { get; private set; } = null!;
    protected HttpClient BobIngest { get; private set; } = null!;
    protected string AnnIngestKey { get; private set; } = null!;
    protected string AnnMemberKey { get; private set; } = null!;
    protected Guid AnnId { get; private set; }

    protected override IReadOnlyDictionary<string, string>? Settings() => new Dictionary<string, string>
    {
        ["Events:AllowedOrigins:0"] = AllowedOrigin,
        ["Events:MaxRequestBytes"] = "1000000",
    };

    public new async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        var ann = await CreateUserAsync("Ann");
        var bob = await CreateUserAsync("Bob");
        AnnId = ann.GetProperty("id").GetGuid();
        AnnMemberKey = await CreateKeyAsync(ann, "member");
        AnnIngestKey = await CreateKeyAsync(ann, "ingest");
        AnnMember = Factory.CreateClient(AnnMemberKey);
        AnnIngest = Factory.CreateClient(AnnIngestKey);
        BobIngest = Factory.CreateClient(await CreateKeyAsync(bob, "ingest"));
    }

    protected static async Task<HttpResponseMessage> PostRawAsync(HttpClient client, string json, string url = "/api/events") =>
        await client.PostAsync(url, new StringContent(json, Encoding.UTF8, "application/json"), Ct);

    /// <summary>Posts and expects 202; the answer's {accepted, rejected}.</summary>
    protected static async Task<JsonElement> IngestAsync(HttpClient client, object body)
    {
        using var response = await client.PostAsJsonAsync("/api/events", body, Ct);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
    }

    /// <summary>Events are written off the request path: waits (bounded) until this many rows match.</summary>
    protected async Task<List<ProductEvent>> StoredAsync(Func<IQueryable<ProductEvent>, IQueryable<ProductEvent>> filter, int count)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (true)
        {
            var rows = await ReadAsync(filter);
            if (rows.Count >= count || DateTime.UtcNow > deadline)
            {
                return rows;
            }
            await Task.Delay(50, Ct);
        }
    }

    protected async Task<List<ProductEvent>> ReadAsync(Func<IQueryable<ProductEvent>, IQueryable<ProductEvent>> filter)
    {
        // Not the host's services: a test may read after stopping the host, which disposes them.
        await using var db = Factory.NewDbContext();
        return await filter(db.ProductEvents.AsNoTracking()).ToListAsync(Ct);
    }
}
