using System.Security.Cryptography;
using System.Text;
using Platform.Core.Users;

namespace Platform.Core.Tests.Users;

public sealed class ApiKeySecretsTests
{
    [Fact]
    public void Generated_keys_are_distinct_prefixed_and_long()
    {
        var keys = Enumerable.Range(0, 100).Select(_ => ApiKeySecrets.Generate()).ToList();
        Assert.Equal(100, keys.Distinct().Count());
        Assert.All(keys, k => Assert.StartsWith("plk_", k));
        Assert.All(keys, k => Assert.Equal(44, k.Length));
    }

    [Fact]
    public void Hash_is_lowercase_hex_sha256_of_the_secret()
    {
        var expected = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes("plk_example"))).ToLowerInvariant();
        Assert.Equal(expected, ApiKeySecrets.Hash("plk_example"));
    }

    [Fact]
    public void Visible_prefix_shows_twelve_characters_and_never_a_short_secret_whole()
    {
        Assert.Equal("plk_abcdefgh", ApiKeySecrets.VisiblePrefix("plk_abcdefghijklmnop"));
        Assert.Equal("shor", ApiKeySecrets.VisiblePrefix("short-secret"));
    }

    [Theory]
    [InlineData(ApiKeyScope.Admin, UserRole.Admin, ApiKeyScope.Admin)]
    [InlineData(ApiKeyScope.Admin, UserRole.Member, ApiKeyScope.Member)]
    [InlineData(ApiKeyScope.Ingest, UserRole.Member, ApiKeyScope.Ingest)]
    [InlineData(ApiKeyScope.Member, UserRole.Admin, ApiKeyScope.Member)]
    public void A_key_never_grants_more_than_its_owners_role(ApiKeyScope key, UserRole role, ApiKeyScope effective) =>
        Assert.Equal(effective, ApiKeyScopes.Effective(key, role));
}
