using System.Text.Json.Nodes;
using Platform.Core.Contracts;

namespace Platform.Core.Tests.Contracts;

public sealed class ContractSchemaTests
{
    [Fact]
    public void A_well_formed_contract_is_valid() => Assert.Empty(ContractSchema.Validate(ContractFixtures.Checkout()));

    [Theory]
    [InlineData("""{"pagesUI":{"pages":{"p":{"components":[{"id":"a","type":"rocket"}]}}}}""", "/pagesUI/pages/p/components/0/type")]
    [InlineData("""{"pagesUI":{"pages":{"p":{"components":[{"type":"button"}]}}}}""", "/pagesUI/pages/p/components/0")]
    [InlineData("""{"pagesUI":{"pages":{"p":{"components":[{"id":"a","type":"button","src":"/x.png"}]}}}}""", "/pagesUI/pages/p/components/0/src")]
    [InlineData("""{"pagesUI":{"pages":{"p":{"components":[{"id":"a","type":"input","inputType":"colour"}]}}}}""", "/pagesUI/pages/p/components/0/inputType")]
    [InlineData("""{"pagesUI":{"pages":{"p":{"components":[{"id":"f","type":"form","components":[{"id":"x","type":"text","onClick":"go()"}]}]}}}}""", "/pagesUI/pages/p/components/0/components/0/onClick")]
    [InlineData("""{"pagesUI":{"pages":{"p":{"title":"P"}}}}""", "/pagesUI/pages/p")]
    [InlineData("""{"pagesUI":{"pages":{}},"theme":"dark"}""", "/theme")]
    [InlineData("""{"meta":{}}""", "/")]
    public void What_the_schema_does_not_allow_is_reported_at_its_location(string json, string location)
    {
        var errors = ContractSchema.Validate(JsonNode.Parse(json));
        Assert.NotEmpty(errors);
        Assert.True(errors.Any(e => e.StartsWith(location + ":", StringComparison.Ordinal)), string.Join("\n", errors));
        Assert.DoesNotContain(errors, e => e.Contains("\\u0022", StringComparison.Ordinal));
    }

    [Fact]
    public void The_prompt_quotes_the_served_schema()
    {
        Assert.Contains(ContractSchema.CompactText, ContractPrompt.SystemText);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(ContractSchema.Text), JsonNode.Parse(ContractSchema.CompactText)));
    }
}
