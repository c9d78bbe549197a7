using System.Text.Json;
using Platform.Core.Jobs;

namespace Platform.Core.Tests.Jobs;

public sealed class OutputFormatterTests
{
    [Theory]
    [InlineData("```json\n{\"a\": 1, \"b\": [true]}\n```")]
    [InlineData("Here is the result:\n\n```\n{\"a\": 1,\n \"b\": [true]}\n```\nAnything else?")]
    [InlineData("  {\"a\":1,\"b\":[true]}  ")]
    [InlineData("Sure! {\"a\": 1, \"b\": [true]} Hope this helps.")]
    public void Json_answers_are_unwrapped_from_fences_and_prose_and_stored_compact(string answer)
    {
        var result = OutputFormatter.Format(OutputFormat.Json, answer);
        Assert.Equal(new FormattedOutput("{\"a\":1,\"b\":[true]}", null, null), result);
        Assert.True(result.Succeeded);
    }

    [Theory]
    [InlineData("```json\n{\"a\": 1,}\n```")]
    [InlineData("I cannot do that.")]
    [InlineData("")]
    public void Invalid_json_is_an_error_that_names_the_parser_problem(string answer)
    {
        var result = OutputFormatter.Format(OutputFormat.Json, answer);
        Assert.Null(result.ParsedOutputJson);
        Assert.StartsWith("The model's answer is not valid JSON: ", result.Error);
        Assert.True(result.Error!.Length > "The model's answer is not valid JSON: ".Length);
        Assert.False(result.Succeeded);
    }

    [Fact]
    public void Non_ascii_text_in_json_stays_readable_and_valid()
    {
        var result = OutputFormatter.Format(OutputFormat.Json, "{\"city\": \"Zürich\", \"n\": 1.50}");
        Assert.Equal("{\"city\":\"Zürich\",\"n\":1.50}", result.ParsedOutputJson);
        Assert.Equal("Zürich", JsonDocument.Parse(result.ParsedOutputJson!).RootElement.GetProperty("city").GetString());
    }

    [Fact]
    public void Text_is_kept_as_it_is_and_markdown_and_html_get_a_sanitized_rendering()
    {
        Assert.Equal(new FormattedOutput(null, null, null), OutputFormatter.Format(OutputFormat.Text, "<b>hi</b>"));
        Assert.Equal("<p><strong>hi</strong></p>\n", OutputFormatter.Format(OutputFormat.Markdown, "**hi**").Html);
        Assert.Equal("<p>hi</p>", OutputFormatter.Format(OutputFormat.Html, "<p onclick=\"x()\">hi</p><script>x()</script>").Html);
    }
}
