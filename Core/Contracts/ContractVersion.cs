using System.Globalization;
using System.Text.RegularExpressions;

namespace Platform.Core.Contracts;

/// <summary>A contract's semantic version (major.minor.patch, no pre-release or build part).</summary>
public readonly partial record struct ContractVersion(int Major, int Minor, int Patch)
{
    public const int MaxLength = 32;

    /// <summary>Where a contract without a (valid) base version starts.</summary>
    public static readonly ContractVersion Initial = new(0, 1, 0);

    public static bool TryParse(string? text, out ContractVersion version)
    {
        version = default;
        if (text is null || text.Length > MaxLength || SemVer().Match(text) is not { Success: true } match)
        {
            return false;
        }
        if (!int.TryParse(match.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var major)
            || !int.TryParse(match.Groups[2].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var minor)
            || !int.TryParse(match.Groups[3].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var patch)
            || patch == int.MaxValue)
        {
            return false;
        }
        version = new ContractVersion(major, minor, patch);
        return true;
    }

    /// <summary>The version after <paramref name="baseVersion"/>: its patch bumped, or <see cref="Initial"/> when it is absent or invalid.</summary>
    public static ContractVersion Next(string? baseVersion) =>
        TryParse(baseVersion, out var parsed) ? parsed with { Patch = parsed.Patch + 1 } : Initial;

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Major}.{Minor}.{Patch}");

    // No leading zeros, as SemVer 2.0 says; "01.2.3" is not a version.
    [GeneratedRegex(@"^(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)$", RegexOptions.CultureInvariant)]
    private static partial Regex SemVer();
}
