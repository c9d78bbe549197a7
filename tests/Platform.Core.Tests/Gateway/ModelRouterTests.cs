using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Platform.Core.Gateway;
using Platform.Core.Gateway.Providers;
using Platform.Core.Gateway.Routing;

namespace Platform.Core.Tests.Gateway;

public sealed class ModelRouterTests : IDisposable
{
    private readonly ProviderRegistry _registry;
    private readonly ModelRouter _router;

    public ModelRouterTests()
    {
        var options = Options.Create(new LlmOptions
        {
            Providers = new(StringComparer.OrdinalIgnoreCase)
            {
                ["main"] = new ProviderOptions { Type = "openai", ApiKey = "k", DefaultModel = "gpt-4o-mini" },
                ["claude"] = new ProviderOptions { Type = "anthropic", ApiKey = "k" },
                ["local"] = new ProviderOptions { Type = "openai-compatible", BaseUrl = "http://127.0.0.1:1", Models = ["llama3", "gpt-4o"] },
                ["gem"] = new ProviderOptions { Type = "gemini" },
            },
            Fallbacks = new(StringComparer.OrdinalIgnoreCase) { ["gpt-4.1"] = ["claude-sonnet-4-5", "gemini-2.5-flash", "llama3"] },
        });
        _registry = new ProviderRegistry(options, new ProviderClientFactory(TimeProvider.System), NullLoggerFactory.Instance);
        _router = new ModelRouter(_registry, options);
    }

    [Theory]
    [InlineData("gpt-4.1", "main")]
    [InlineData("o3-mini", "main")]
    [InlineData("claude-haiku-4-5", "claude")]
    [InlineData("llama3", "local")]
    [InlineData("offline-1", "offline")]
    public void Models_route_by_list_then_prefix(string model, string provider) =>
        Assert.Equal(provider, _router.Route(model, null)[0].Provider.Name);

    [Fact]
    public void A_model_listed_by_a_provider_wins_over_the_prefix_rule() =>
        Assert.Equal("local", _router.Route("gpt-4o", null)[0].Provider.Name);

    [Fact]
    public void The_fallback_chain_follows_in_order_and_skips_unconfigured_providers()
    {
        var steps = _router.Route("gpt-4.1", null);
        Assert.Equal(["gpt-4.1", "claude-sonnet-4-5", "llama3"], steps.Select(s => s.Model));
    }

    [Fact]
    public void An_unconfigured_provider_is_a_400_that_names_the_setting()
    {
        var error = Assert.Throws<GatewayException>(() => _router.Route("gemini-2.5-pro", null));
        Assert.Equal(400, error.StatusCode);
        Assert.Contains("Llm:Providers:gem:ApiKey", error.Message);
    }

    [Fact]
    public void An_unknown_model_is_a_400_listing_the_available_models()
    {
        var error = Assert.Throws<GatewayException>(() => _router.Route("mystery", null));
        Assert.Contains("gpt-4o-mini", error.Message);
        Assert.Contains("llama3", error.Message);
        Assert.Equal("model", error.Field);
    }

    [Fact]
    public void A_provider_hint_without_a_model_uses_that_providers_default() =>
        Assert.Equal(("main", "gpt-4o-mini"), (_router.Route(null, "main")[0].Provider.Name, _router.Route(null, "main")[0].Model));

    [Fact]
    public void The_default_model_is_the_first_configured_real_providers_default() =>
        Assert.Equal("gpt-4o-mini", _router.DefaultModel);

    public void Dispose() => _registry.Dispose();
}
