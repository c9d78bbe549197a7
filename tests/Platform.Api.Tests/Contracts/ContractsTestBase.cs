using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Platform.Api.Tests.Jobs;
using Platform.Core.Data;
using Platform.Core.Events;
using Platform.Core.Interactions;
using Platform.Testing;
using Platform.Testing.FakeLlm;

namespace Platform.Api.Tests.Contracts;

/// <summary>
/// The Api with the fake provider (as the job tests have it) and a contract breaker that opens after 2 failures and
/// stays open 10 minutes, so a test sees it open until it resets it. "ann" rage-clicks pay-button and hits the same
/// error on card-number three times; nothing happens on the home page.
/// </summary>
public abstract class ContractsTestBase(Storage storage, PostgresServer postgres, FakeLlmServer fake) : JobsTestBase(storage, postgres, fake)
{
    protected static readonly DateTime Day = new(2026, 4, 10, 9, 0, 0, DateTimeKind.Utc);

    protected override void Configure(Dictionary<string, string> settings)
    {
        settings["Contracts:Breaker:FailureThreshold"] = "2";
        settings["Contracts:Breaker:BreakSeconds"] = "600";
    }

    protected static JsonObject BaseContract() => JsonNode.Parse("""
        {
          "meta": { "description": "Checkout of the shop" },
          "pagesUI": { "pages": {
            "checkout": { "components": [
              { "id": "pay-button", "type": "button", "label": "Submit" },
              { "id": "card-number", "type": "input", "label": "Card number", "required": true },
              { "id": "address-form", "type": "form", "requiredFields": ["street", "zip"], "components": [
                { "id": "street", "type": "input", "required": true },
                { "id": "zip", "type": "input", "required": true } ] } ] },
            "home": { "components": [ { "id": "hero-banner", "type": "image", "src": "/hero.png", "alt": "Sale" } ] }
          } }
        }
        """)!.AsObject();

    /// <summary>What a model that does its job answers: the pay button revised, and why.</summary>
    protected const string ValidAnswer = """
        {"contract":{"pagesUI":{"pages":{"checkout":{"components":[
          {"id":"pay-button","type":"button","label":"Pay now","disabledWhileSubmitting":true}]}}}},
         "explanation":"A clear label and a button that cannot be pressed twice stop the repeated taps."}
        """;

    protected async Task SeedPainAsync(string user)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        db.ProductEvents.AddRange(
            Event(user, "tap", "pay-button", 0), Event(user, "tap", "pay-button", 300), Event(user, "tap", "pay-button", 600),
            Event(user, "error", "card-number", 1000, "Card declined"), Event(user, "error", "card-number", 2000, "Card declined"),
            Event(user, "error", "card-number", 3000, "Card declined"), Event(user, "view", null, 4000));
        await db.SaveChangesAsync(Ct);
    }

    protected async Task<HttpResponseMessage> GenerateAsync(object body, HttpClient? client = null) =>
        await (client ?? Admin).PostAsJsonAsync("/api/contracts/generate", body, Ct);

    /// <summary>Generates and expects a 200; the answer and its X-Contract-Path header.</summary>
    protected async Task<(JsonElement Contract, string Path)> GenerateOkAsync(object body, HttpClient? client = null)
    {
        using var response = await GenerateAsync(body, client);
        var text = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        return (JsonDocument.Parse(text).RootElement.Clone(), response.Headers.GetValues("X-Contract-Path").Single());
    }

    /// <summary>A client with a key of <paramref name="scope"/> for a new user of that role.</summary>
    protected async Task<HttpClient> ClientAsync(string name, string scope)
    {
        var user = await (await Admin.PostAsJsonAsync("/api/users",
            new { name, email = $"{name.ToLowerInvariant()}-{Guid.NewGuid():N}@example.com", role = scope == "admin" ? "admin" : "member" }, Ct))
            .Content.ReadFromJsonAsync<JsonElement>(Ct);
        var key = await (await Admin.PostAsJsonAsync($"/api/users/{user.GetProperty("id")}/keys", new { name = "k", scope }, Ct))
            .Content.ReadFromJsonAsync<JsonElement>(Ct);
        return Factory.CreateClient(key.GetProperty("key").GetString());
    }

    protected static Task<JsonElement> ProblemAsync(HttpResponseMessage response) => ApiTestBase.ProblemAsync(response);

    protected static string Components(JsonElement contract, string page) =>
        contract.GetProperty("json").GetProperty("pagesUI").GetProperty("pages").GetProperty(page).GetProperty("components").GetRawText();

    /// <summary>The contract's interaction row, once the writer has stored it (bounded wait).</summary>
    protected async Task<Interaction> InteractionAsync(JsonElement contract)
    {
        var id = contract.GetProperty("id").GetGuid().ToString();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            await using var db = Factory.NewDbContext();
            var found = db.Interactions.Where(i => i.Type == "contract").AsEnumerable().FirstOrDefault(i => i.MetadataJson?.Contains(id, StringComparison.Ordinal) == true);
            if (found is not null)
            {
                return found;
            }
            await Task.Delay(50, Ct);
        }
        throw new Xunit.Sdk.XunitException($"no contract interaction for contract {id}");
    }

    private static ProductEvent Event(string user, string type, string? component, double ms, string? message = null) => new()
    {
        UserId = user, SessionId = "s1", EventType = type, ComponentId = component, Message = message,
        Timestamp = Day.AddMilliseconds(ms), ReceivedAt = Day.AddMilliseconds(ms),
    };
}
