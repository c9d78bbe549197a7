using Microsoft.Extensions.DependencyInjection;
using Platform.Core.Data;
using Platform.Core.Interactions;

namespace Platform.Api.Tests.Interactions;

/// <summary>
/// Six hand-built interactions whose metrics are worked out by hand in the tests: r1-r5 belong to member A
/// (over 2026-01-10 and 2026-01-11), r6 to member B. Each row's session id is its name; r1, r2 and r6 were made
/// for the same end user, <see cref="Visitor"/>.
/// </summary>
internal sealed class InteractionFixture
{
    public static readonly DateTime Day1 = new(2026, 1, 10, 0, 0, 0, DateTimeKind.Utc);
    public static readonly DateTime Day2 = Day1.AddDays(1);

    /// <summary>A prompt that needs every CSV escape: quotes, commas, a CRLF and a LF.</summary>
    public const string TrickyPrompt = "Say \"hello, world\",\r\nthen, on a new line:\n'done'";

    public const string Visitor = "visitor-1";

    public Dictionary<string, Guid> Ids { get; } = [];

    public async Task SeedAsync(IServiceProvider services, Guid ownerA, Guid ownerB)
    {
        var rows = new[]
        {
            Row("r1", Day1.AddHours(1), ownerA, "chat", InteractionStatus.Completed, "m1", "p1", 100, 0.01, 10, "accepted", 80, "[]", TrickyPrompt, "fine"),
            Row("r2", Day1.AddHours(2), ownerA, "chat", InteractionStatus.Completed, "m1", "p1", 200, 0.02, 20, null, 60, null, "second", "ok"),
            Row("r3", Day1.AddHours(3), ownerA, "job", InteractionStatus.Failed, "m2", "p1", 300, 0, 0, null, null, "[\"name\"]", "third", null, "boom"),
            Row("r4", Day2.AddHours(1), ownerA, "job", InteractionStatus.Failed, "m2", "p2", 400, 0.04, 40, "rejected", 20, "[\"name\",\"tone\"]", "fourth", "half", "cut off"),
            Row("r5", Day2.AddHours(2), ownerA, "playground", InteractionStatus.Completed, "m1", "p1", 1000, 0.1, 100, "thumbs_up", null, null, "a 50% discount_code", "ok"),
            Row("r6", Day1.AddHours(4), ownerB, "chat", InteractionStatus.Completed, "m1", "p1", 50, 1.0, 5, null, null, null, "The SECRET of Bob", "ok"),
        };
        foreach (var row in rows.Where(r => r.SessionId is "r1" or "r2" or "r6"))
        {
            row.EndUserId = Visitor;
        }
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        db.Interactions.AddRange(rows);
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
    }

    private Interaction Row(
        string name, DateTime at, Guid owner, string type, string status, string model, string provider, double latency, double cost, int tokens,
        string? feedback, double? quality, string? missing, string prompt, string? response, string? error = null)
    {
        var row = new Interaction
        {
            // Version-7 ids from the creation time, so id order is time order as in production.
            Id = Guid.CreateVersion7(new DateTimeOffset(at)), Type = type, Status = status, Model = model, Provider = provider, LatencyMs = latency,
            CostUsd = cost, TotalTokens = tokens, QualityScore = quality, MissingVariablesJson = missing,
            RenderedPrompt = prompt, Response = response, ErrorMessage = error, OwnerUserId = owner, SessionId = name, CreatedAt = at,
            InputVariablesJson = "{\"name\":\"" + name + "\"}",
        };
        // As the feedback endpoint stores them: a verdict in its own column, a thumbs rating in the feedback column.
        if (InteractionVerdicts.All.Contains(feedback))
        {
            row.Verdict = feedback;
        }
        else
        {
            row.Feedback = feedback;
        }
        Ids[name] = row.Id;
        return row;
    }

    public string[] Names(IEnumerable<Guid> ids) => ids.Select(id => Ids.Single(p => p.Value == id).Key).Order(StringComparer.Ordinal).ToArray();
}
