using System.Net.Http.Json;
using System.Text.Json;

namespace Platform.Api.Tests.RateLimits;

/// <summary>Admin calls the rate limit tests share: a member with a key, and setting limits.</summary>
internal static class LimitsClient
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static async Task<(Guid UserId, Guid KeyId, string Key)> CreateMemberAsync(HttpClient admin)
    {
        var user = await (await admin.PostAsJsonAsync("/api/users",
            new { name = "Limited", email = $"limited-{Guid.NewGuid():N}@example.com", role = "member" }, Ct)).Content.ReadFromJsonAsync<JsonElement>(Ct);
        var userId = user.GetProperty("id").GetGuid();
        var key = await (await admin.PostAsJsonAsync($"/api/users/{userId}/keys", new { name = "k", scope = "member" }, Ct))
            .Content.ReadFromJsonAsync<JsonElement>(Ct);
        return (userId, key.GetProperty("id").GetGuid(), key.GetProperty("key").GetString()!);
    }

    public static async Task SetUserLimitsAsync(HttpClient admin, Guid userId, object limits)
    {
        var response = await admin.PutAsJsonAsync($"/api/users/{userId}/limits", limits, Ct);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync(Ct));
    }

    public static async Task SetKeyLimitsAsync(HttpClient admin, Guid keyId, object limits)
    {
        var response = await admin.PutAsJsonAsync($"/api/keys/{keyId}/limits", limits, Ct);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync(Ct));
    }

    public static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.Single() : throw new Xunit.Sdk.XunitException($"no {name} header");
}
