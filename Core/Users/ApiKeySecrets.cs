using System.Security.Cryptography;
using System.Text;

namespace Platform.Core.Users;

public static class ApiKeySecrets
{
    public const string KeyPrefix = "plk_";
    public const int VisiblePrefixLength = 12;
    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    /// <summary>A new secret: "plk_" and 40 characters drawn from a CSPRNG (~238 bits).</summary>
    public static string Generate() => KeyPrefix + RandomNumberGenerator.GetString(Alphabet, 40);

    public static string Hash(string secret) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    public static string VisiblePrefix(string secret) =>
        secret.Length <= VisiblePrefixLength ? secret[..Math.Min(4, secret.Length)] : secret[..VisiblePrefixLength];
}
