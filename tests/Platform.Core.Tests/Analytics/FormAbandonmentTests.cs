namespace Platform.Core.Tests.Analytics;

public sealed class FormAbandonmentTests
{
    [Fact]
    public void Submit_then_success_is_no_abandonment()
    {
        Assert.Empty(new Sequence().At(0, "input", "signup").At(1000, "submit", "signup").At(2000, "success", "signup").PainPoints());
    }

    [Fact]
    public void Submit_then_nothing_is_an_abandonment()
    {
        Assert.Equal(["form-abandonment signup 1 submit, 0 errors, no success {submits=1, errors=0}"],
            new Sequence().At(0, "input", "signup").At(1000, "submit", "signup").PainPoints());
    }

    [Fact]
    public void A_capped_answer_keeps_the_forms_an_uncapped_one_lists_first_even_when_only_the_reason_tells_them_apart()
    {
        // Same severity (2), same start, same form in two sessions: "1 submit, 1 error" sorts before "2 submits, 0 errors".
        var sequence = new Sequence()
            .At(0, "submit", "pay", session: "b").At(10, "submit", "pay", session: "b")
            .At(0, "submit", "pay", session: "a").At(20, "error", "pay", message: "declined", session: "a")
            .At(5, "input", "other");

        var capped = sequence.Run(maxPerType: 1).PainPoints.Select(Sequence.Describe);

        Assert.Equal(["form-abandonment pay 1 submit, 1 error, no success {submits=1, errors=1}"], capped);
        Assert.Equal(sequence.PainPoints().Take(1), capped);
    }

    [Fact]
    public void Input_without_a_submit_is_an_abandonment()
    {
        Assert.Equal(["form-abandonment signup input but no submit and no success {submits=0, errors=0}"],
            new Sequence().At(0, "input", "signup").At(10, "input", "signup").PainPoints());
    }

    [Fact]
    public void A_submit_that_errored_is_an_abandonment_even_without_input()
    {
        Assert.Equal(["form-abandonment pay 1 submit, 1 error, no success {submits=1, errors=1}"],
            new Sequence().At(0, "submit", "pay").At(100, "error", "pay", message: "declined").PainPoints());
    }

    [Fact]
    public void A_lone_clean_submit_is_not_but_two_are()
    {
        Assert.Empty(new Sequence().At(0, "submit", "pay").PainPoints());
        Assert.Equal(["form-abandonment pay 2 submits, 0 errors, no success {submits=2, errors=0}"],
            new Sequence().At(0, "submit", "pay").At(5000, "submit", "pay").PainPoints());
    }

    [Fact]
    public void A_success_settles_only_its_own_form_and_session()
    {
        var run = new Sequence()
            .At(0, "input", "signup").At(1, "input", "search")
            .At(2, "input", "signup", session: "s2")
            .At(3, "success", "signup");
        Assert.Equal([
            "form-abandonment search input but no submit and no success {submits=0, errors=0}",
            "form-abandonment signup input but no submit and no success {submits=0, errors=0}",
        ], run.PainPoints());
    }

    [Fact]
    public void A_conversion_without_a_component_settles_every_form_of_its_session()
    {
        Assert.Empty(new Sequence().At(0, "input", "signup").At(1, "submit", "pay").At(2, "submit", "pay").At(3, "conversion").PainPoints());
    }

    [Fact]
    public void A_success_before_the_form_was_used_does_not_settle_it()
    {
        Assert.Single(new Sequence().At(0, "success", "signup").At(10, "input", "signup").PainPoints());
    }

    [Fact]
    public void An_invalid_field_before_any_submit_is_not_a_failed_submit()
    {
        Assert.Equal(["form-abandonment signup input but no submit and no success {submits=0, errors=0}"],
            new Sequence().At(0, "input", "signup").At(1, "error", "signup", message: "invalid email").PainPoints()
                .Where(p => p.StartsWith("form-", StringComparison.Ordinal)));
    }
}
