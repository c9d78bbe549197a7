using System.Text.Json.Nodes;
using Platform.Core.Analytics;
using Platform.Core.Contracts;

namespace Platform.Core.Tests.Contracts;

internal static class ContractFixtures
{
    public static JsonObject Checkout() => JsonNode.Parse("""
        {
          "meta": { "description": "Checkout" },
          "pagesUI": { "pages": {
            "checkout": { "components": [
              { "id": "pay-button", "type": "button", "label": "OK" },
              { "id": "card-number", "type": "input", "label": "Card number", "required": true },
              { "id": "address-form", "type": "form", "requiredFields": ["street", "zip", "city"], "components": [
                { "id": "street", "type": "input", "required": true },
                { "id": "zip", "type": "input", "required": true },
                { "id": "city", "type": "input", "required": true } ] },
              { "id": "terms", "type": "text", "text": "Terms apply." } ] },
            "home": { "components": [ { "id": "hero-banner", "type": "image", "src": "/hero.png", "alt": "Sale" } ] }
          } }
        }
        """)!.AsObject();

    public static ContractAnalytics UserAnalytics(params PainPoint[] painPoints) => UserAnalytics(painPoints, []);

    public static ContractAnalytics UserAnalytics(IReadOnlyList<PainPoint> painPoints, IReadOnlyList<Hotspot> hotspots) =>
        new(new Dictionary<string, long> { ["tap"] = 12, ["error"] = 3 }, 0.2, painPoints, hotspots, 15, new DateTime(2026, 4, 10, 0, 0, 0, DateTimeKind.Utc));

    public static PainPoint Pain(string type, string? component) => new(type, component, "because", new Dictionary<string, long>());
}
