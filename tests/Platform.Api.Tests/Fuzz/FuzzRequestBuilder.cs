using System.Text;
using Microsoft.AspNetCore.Routing.Patterns;

namespace Platform.Api.Tests.Fuzz;

/// <summary>Keys and ids the generated requests draw on: real ones (to reach handlers) beside made-up ones.</summary>
internal sealed record FuzzIdentities(string AdminKey, string MemberKey, IReadOnlyList<Guid> Ids, IReadOnlyList<string> Names);

/// <summary>
/// Turns a case number into one request, from <c>seed</c> and the case number only, so any failing case can be
/// generated again on its own.
/// </summary>
internal sealed class FuzzRequestBuilder(IReadOnlyList<FuzzEndpoint> endpoints, FuzzIdentities identities, int seed)
{
    private static readonly string[] OtherMethods = ["GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "HEAD", "TRACE", "PROPFIND"];

    public FuzzRequest Build(int number)
    {
        var random = new Random(unchecked(seed * 1_000_003 + number));
        var endpoint = endpoints[random.Next(endpoints.Count)];
        if (IsDocumentation(endpoint) && random.Chance(0.9))
        {
            endpoint = endpoints[random.Next(endpoints.Count)];
        }
        var method = random.Chance(0.04) ? random.Pick(OtherMethods) : endpoint.Method;
        var url = Path(endpoint.Pattern, random) + Query(random);
        var headers = new List<(string, string)>();
        Authenticate(headers, random);
        if (random.Chance(0.6))
        {
            headers.Add(("Accept", random.Pick(FuzzValues.Accepts)));
        }
        if (random.Chance(0.1))
        {
            headers.Add(("Cache-Control", random.Pick(["no-cache", "no-store", "max-age=abc", "\u00e9"])));
        }
        byte[]? body = null;
        string? contentType = null;
        if (endpoint.HasBody ? random.Chance(0.95) : random.Chance(0.1))
        {
            body = FuzzBodies.Create(endpoint, random);
            contentType = random.Chance(0.7) ? "application/json" : random.Chance(0.9) ? random.Pick(FuzzValues.ContentTypes) : null;
        }
        return new FuzzRequest(number, endpoint, method, url, headers, body, contentType);
    }

    /// <summary>
    /// The OpenAPI document and its viewer are static, anonymous and slow to render (hundreds of milliseconds): asked
    /// for a tenth as often, so the time goes to endpoints that parse input.
    /// </summary>
    private static bool IsDocumentation(FuzzEndpoint endpoint) =>
        endpoint.Pattern.RawText is { } route && (route.TrimStart('/').StartsWith("openapi", StringComparison.Ordinal)
            || route.TrimStart('/').StartsWith("docs", StringComparison.Ordinal));

    private void Authenticate(List<(string, string)> headers, Random random)
    {
        switch (random.Next(10))
        {
            case < 4:
                headers.Add(("Authorization", "Bearer " + identities.AdminKey));
                break;
            case < 7:
                headers.Add(random.Next(2) == 0 ? ("Authorization", "Bearer " + identities.MemberKey) : ("X-Api-Key", identities.MemberKey));
                break;
            case 7:
                break;
            case 8:
                headers.Add(("Authorization", random.Pick(["Bearer", "Bearer ", "Basic YTpi", "bearer plk_nope", "Bearer a\0b", "Bearer " + new string('k', 9000)])));
                break;
            default:
                headers.Add(("X-Api-Key", random.Pick(["", " ", "plk_" + Guid.NewGuid().ToString("N"), "\u00e9\u00e9", identities.AdminKey + "x"])));
                break;
        }
    }

    private string Path(RoutePattern pattern, Random random)
    {
        var path = new StringBuilder();
        foreach (var segment in pattern.PathSegments)
        {
            path.Append('/');
            foreach (var part in segment.Parts)
            {
                path.Append(part switch
                {
                    RoutePatternLiteralPart literal => literal.Content,
                    RoutePatternParameterPart parameter => Parameter(parameter, random),
                    RoutePatternSeparatorPart separator => separator.Content,
                    _ => "",
                });
            }
        }
        return path.Length == 0 ? "/" : path.ToString();
    }

    /// <summary>
    /// Route values: real ids, made-up ones and hostile text. An encoded NUL is left out of paths: Kestrel answers it
    /// 400 before the app sees it, while the test server throws building the request.
    /// </summary>
    private string Parameter(RoutePatternParameterPart parameter, Random random)
    {
        var isId = parameter.ParameterPolicies.Any(p => p.Content == "guid");
        return random.Next(10) switch
        {
            < 5 when isId => identities.Ids[random.Next(identities.Ids.Count)].ToString(),
            < 5 => Uri.EscapeDataString(random.Pick(identities.Names)),
            5 => Guid.NewGuid().ToString(),
            6 => random.Pick(FuzzValues.EncodedHostile.Where(v => !v.Contains("%00")).ToList()),
            7 => Uri.EscapeDataString(FuzzValues.Long(random, 3000)),
            _ => Uri.EscapeDataString(random.Pick(FuzzValues.Hostile)) is { Length: > 0 } value ? value : "%20",
        };
    }

    private static string Query(Random random)
    {
        var count = random.Next(10) switch { < 4 => 0, < 8 => 1, _ => random.Next(2, 6) };
        var pairs = new List<string>();
        for (var i = 0; i < count; i++)
        {
            var name = Uri.EscapeDataString(random.Pick(FuzzValues.QueryNames));
            var value = random.Next(6) switch
            {
                0 => random.Pick(FuzzValues.EncodedHostile),
                1 => Uri.EscapeDataString(random.Pick(FuzzValues.Hostile)),
                2 => FuzzValues.Cursor(random),
                3 => Uri.EscapeDataString(FuzzValues.Long(random, 4000)),
                _ => Uri.EscapeDataString(random.Pick(FuzzValues.PlausibleQueryValues)),
            };
            pairs.Add(random.Chance(0.05) ? name : $"{name}={value}");
        }
        return pairs.Count == 0 ? "" : "?" + string.Join('&', pairs);
    }
}
