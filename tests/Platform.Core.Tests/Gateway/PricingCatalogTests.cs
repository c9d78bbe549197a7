using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;
using Platform.Core.Gateway;

namespace Platform.Core.Tests.Gateway;

public sealed class PricingCatalogTests
{
    private static PricingCatalog Catalog(Dictionary<string, ModelPrice>? overrides = null) =>
        new(Options.Create(new LlmOptions { Pricing = overrides ?? [] }));

    [Fact]
    public void A_known_model_costs_its_list_price_per_million_tokens()
    {
        var cost = Catalog().Cost("gpt-4o-mini", new UsageDetails { InputTokenCount = 1_000_000, OutputTokenCount = 2_000_000 });
        Assert.Equal(0.15 + 2 * 0.60, cost!.Value, 9);
    }

    [Fact]
    public void Cached_input_tokens_are_charged_at_the_cached_price()
    {
        var cost = Catalog().Cost("gpt-4o", new UsageDetails { InputTokenCount = 1_000_000, CachedInputTokenCount = 400_000, OutputTokenCount = 0 });
        Assert.Equal(0.6 * 2.50 + 0.4 * 1.25, cost!.Value, 9);
    }

    [Fact]
    public void A_dated_model_is_priced_by_its_longest_listed_prefix()
    {
        Assert.Equal(0.15m, Catalog().Find("gpt-4o-mini-2024-07-18")!.InputPerMillion);
        Assert.Equal(2.50m, Catalog().Find("gpt-4o-2024-08-06")!.InputPerMillion);
        Assert.Equal(3m, Catalog().Find("claude-sonnet-4-5-20250929")!.InputPerMillion);
    }

    [Fact]
    public void An_unknown_model_costs_null_not_zero() =>
        Assert.Null(Catalog().Cost("my-local-llama", new UsageDetails { InputTokenCount = 10, OutputTokenCount = 10 }));

    [Fact]
    public void Configuration_overrides_and_adds_prices()
    {
        var catalog = Catalog(new() { ["gpt-4o"] = new ModelPrice(1m, null, 2m), ["my-local-llama"] = new ModelPrice(0m, null, 0m) });
        Assert.Equal(1m, catalog.Find("gpt-4o")!.InputPerMillion);
        Assert.Equal(0, catalog.Cost("my-local-llama", new UsageDetails { InputTokenCount = 10, OutputTokenCount = 10 }));
    }

    [Fact]
    public void The_offline_model_is_free() =>
        Assert.Equal(0, Catalog().Cost("offline-1", new UsageDetails { InputTokenCount = 100, OutputTokenCount = 100 }));
}
