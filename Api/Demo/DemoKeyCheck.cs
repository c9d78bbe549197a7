using Platform.Api.Auth;
using Platform.Core.Users;

namespace Platform.Api.Demo;

/// <summary>Whether the configured keys work and fit their use; each problem says which setting to change.</summary>
internal sealed class DemoKeyCheck(DemoOptions options, ApiKeyStore keys)
{
    public const string HowTo =
        "dotnet run --project AppHost -- --Demo:IngestKey <ingest key> --Demo:MemberKey <member key> (see docs/tracker.md)";

    public async Task<DemoConfig> ConfigAsync(CancellationToken cancellationToken)
    {
        var problems = new List<string>();
        var ingest = await FindAsync(options.IngestKey, "Demo:IngestKey", problems, cancellationToken);
        // The ingest key is shown to every visitor: a key that can read or spend must never go out.
        if (ingest is not null && ingest.Scope != ApiKeyScope.Ingest)
        {
            problems.Add($"Demo:IngestKey has the scope '{Scope(ingest)}': the browser gets this key, so it must be an ingest key.");
        }
        var (_, memberProblem) = await MemberAsync(cancellationToken);
        if (memberProblem is not null)
        {
            problems.Add(memberProblem);
        }
        return problems.Count == 0
            ? new DemoConfig(true, options.IngestKey, options.Model, [])
            : new DemoConfig(false, null, options.Model, problems);
    }

    /// <summary>The identity that pays for the demo's answers, or why there is none.</summary>
    public async Task<(ApiKeyIdentity? Identity, string? Problem)> MemberAsync(CancellationToken cancellationToken)
    {
        var problems = new List<string>();
        var member = await FindAsync(options.MemberKey, "Demo:MemberKey", problems, cancellationToken);
        if (member is not null && member.Scope == ApiKeyScope.Ingest)
        {
            return (null, "Demo:MemberKey is an ingest key: answering needs a member key.");
        }
        return (member, problems.FirstOrDefault());
    }

    private async Task<ApiKeyIdentity?> FindAsync(string? secret, string setting, List<string> problems, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(secret))
        {
            problems.Add($"{setting} is not set.");
            return null;
        }
        var identity = await keys.FindAsync(secret, cancellationToken);
        if (identity is null)
        {
            problems.Add($"{setting} is not a working key: it was deleted, or its user is disabled.");
        }
        return identity;
    }

    private static string Scope(ApiKeyIdentity identity) => identity.Scope.ToString().ToLowerInvariant();
}
