using System.Text.Json;
using System.Text.Json.Nodes;
using Platform.Core.Jobs;

namespace Platform.Core.Tests.Jobs;

public sealed class TemplateRendererTests
{
    private static JsonElement Context(string json) => JsonDocument.Parse(json).RootElement.Clone();

    [Fact]
    public void Names_and_nested_paths_are_filled_with_whitespace_inside_the_braces_allowed()
    {
        var result = TemplateRenderer.Render("Dear {{name}}, about {{ order.id }} for {{order.customer.city}}.",
            Context("""{"name":"Ann","order":{"id":"A-17","customer":{"city":"Lyon"}}}"""));
        Assert.Equal("Dear Ann, about A-17 for Lyon.", result.Prompt);
        Assert.Empty(result.MissingVariables);
        Assert.True(result.AllVariablesPresent);
    }

    [Fact]
    public void Missing_variables_are_reported_once_and_stay_visible_in_the_prompt()
    {
        var result = TemplateRenderer.Render("{{name}} {{ tone }} {{order.id}} {{tone}} {{nothing}}",
            Context("""{"name":"Ann","order":{},"nothing":null}"""));
        Assert.Equal("Ann {{ tone }} {{order.id}} {{tone}} {{nothing}}", result.Prompt);
        Assert.Equal(["tone", "order.id", "nothing"], result.MissingVariables);
        Assert.False(result.AllVariablesPresent);
    }

    [Fact]
    public void Numbers_and_booleans_go_in_as_json_text_and_objects_and_arrays_as_compact_json()
    {
        var result = TemplateRenderer.Render("{{n}} {{pi}} {{ok}} {{tags}} {{tags.1}} {{obj}}",
            Context("""{"n": 42, "pi": 3.140, "ok": false, "tags": [ "a", "é<b>" ], "obj": { "k" : [1, 2] }}"""));
        Assert.Equal("""42 3.140 false ["a","é<b>"] é<b> {"k":[1,2]}""", result.Prompt);
    }

    [Fact]
    public void Substituted_values_are_not_rendered_again()
    {
        var result = TemplateRenderer.Render("{{a}}", Context("""{"a":"{{b}}","b":"nope"}"""));
        Assert.Equal("{{b}}", result.Prompt);
        Assert.Empty(result.MissingVariables);
    }

    [Fact]
    public void A_json_object_context_and_no_context_work_too()
    {
        Assert.Equal("Hi Bob", TemplateRenderer.Render("Hi {{who}}", new JsonObject { ["who"] = "Bob" }).Prompt);
        var none = TemplateRenderer.Render("Hi {{who}}", (JsonElement?)null);
        Assert.Equal("Hi {{who}}", none.Prompt);
        Assert.Equal(["who"], none.MissingVariables);
        Assert.Equal(["who", "a.b"], TemplateRenderer.Variables("{{who}} {{ a.b }} {{who}} {not} {{ }}"));
    }

    [Fact]
    public void With_a_length_cap_a_prompt_at_the_cap_renders_and_one_over_it_is_null()
    {
        var context = Context("""{"x":"abcd"}""");
        Assert.Equal("abcd-abcd", TemplateRenderer.Render("{{x}}-{{x}}", context, maxLength: 9)?.Prompt);
        Assert.Null(TemplateRenderer.Render("{{x}}-{{x}}", context, maxLength: 8));
        Assert.Null(TemplateRenderer.Render("{{x}}-{{x}}!", context, maxLength: 9));
        Assert.Null(TemplateRenderer.Render("{{missing}}", (JsonElement?)null, maxLength: 5));
    }
}
