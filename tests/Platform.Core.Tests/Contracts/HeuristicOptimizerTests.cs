using System.Text.Json.Nodes;
using Platform.Core.Analytics;
using Platform.Core.Contracts;
using static Platform.Core.Tests.Contracts.ContractFixtures;

namespace Platform.Core.Tests.Contracts;

public sealed class HeuristicOptimizerTests
{
    [Fact]
    public void A_rage_clicked_button_gets_a_clearer_label_and_is_disabled_while_submitting()
    {
        var (contract, rules) = HeuristicOptimizer.Apply(Checkout(), UserAnalytics(Pain(PainPointTypes.RageClick, "pay-button")))!.Value;

        var button = Component(contract, "pay-button");
        Assert.Equal(("Pay button", true, "Working…"), (button["label"]!.GetValue<string>(), button["disabledWhileSubmitting"]!.GetValue<bool>(),
            button["loadingLabel"]!.GetValue<string>()));
        Assert.Equal(["rage-click pay-button: clearer label, disabled while submitting"], rules);
        Assert.Empty(ContractSchema.Validate(contract));
    }

    [Fact]
    public void A_field_with_an_error_pattern_gets_an_inline_validation_hint_from_its_hotspot()
    {
        var analytics = UserAnalytics([Pain(PainPointTypes.ErrorPattern, "card-number")], [new Hotspot("card-number", "Card declined", 4)]);
        var (contract, rules) = HeuristicOptimizer.Apply(Checkout(), analytics)!.Value;

        var input = Component(contract, "card-number");
        Assert.Equal((true, "Check this field: Card declined"), (input["inlineValidation"]!.GetValue<bool>(), input["validationHint"]!.GetValue<string>()));
        Assert.Equal(["error-pattern card-number: inline validation hint"], rules);
        Assert.Empty(ContractSchema.Validate(contract));
    }

    [Fact]
    public void An_abandoned_form_keeps_only_its_first_required_field()
    {
        var (contract, rules) = HeuristicOptimizer.Apply(Checkout(), UserAnalytics(Pain(PainPointTypes.FormAbandonment, "address-form")))!.Value;

        var form = Component(contract, "address-form");
        Assert.Equal(["street"], form["requiredFields"]!.AsArray().Select(f => f!.GetValue<string>()));
        Assert.Equal([true, false, false], form["components"]!.AsArray().Select(c => c!["required"]!.GetValue<bool>()));
        Assert.Equal(["form-abandonment address-form: fewer required fields"], rules);
        Assert.Empty(ContractSchema.Validate(contract));
    }

    [Fact]
    public void Long_dwell_on_a_component_adds_a_help_text_and_on_a_page_a_help_component_first()
    {
        var (contract, rules) = HeuristicOptimizer.Apply(Checkout(),
            UserAnalytics(Pain(PainPointTypes.LongDwell, "terms"), Pain(PainPointTypes.LongDwell, "home")))!.Value;

        Assert.StartsWith("Need help with terms?", Component(contract, "terms")["helpText"]!.GetValue<string>());
        var first = contract["pagesUI"]!["pages"]!["home"]!["components"]![0]!;
        Assert.Equal(("help-home", "help"), (first["id"]!.GetValue<string>(), first["type"]!.GetValue<string>()));
        Assert.Equal(["long-dwell terms: help text", "long-dwell home: help text"], rules);
        Assert.Empty(ContractSchema.Validate(contract));
    }

    [Fact]
    public void Pain_points_on_components_the_contract_lacks_leave_nothing_to_apply()
    {
        var original = Checkout();
        Assert.Null(HeuristicOptimizer.Apply(original, UserAnalytics(Pain(PainPointTypes.RageClick, "elsewhere"), Pain(PainPointTypes.ErrorPattern, null))));
        Assert.Null(HeuristicOptimizer.Apply(original, UserAnalytics()));
        Assert.True(JsonNode.DeepEquals(Checkout(), original));
    }

    private static JsonObject Component(JsonObject contract, string id) =>
        ContractDocument.Pages(contract)!.Select(p => p.Value!.AsObject()).SelectMany(ContractDocument.Components)
            .Single(c => ContractDocument.Id(c.Component) == id).Component;
}
