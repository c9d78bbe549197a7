using Platform.Core.Interactions;

namespace Platform.Core.Tests.Interactions;

public sealed class InteractionLabelsTests
{
    [Fact]
    public void Labels_name_each_field_they_refuse()
    {
        var labels = new InteractionLabels(
            Type: "Bad Type", PromptVersion: new string('v', 101),
            Metadata: new Dictionary<string, string> { ["k"] = new string('x', InteractionLabels.MaxMetadataValueChars + 1) },
            RequiredVariables: Enumerable.Range(0, InteractionLabels.MaxRequiredVariables + 1).Select(i => $"v{i}").ToList());
        Assert.Equal(["type", "promptVersion", "metadata", "requiredVariables"], labels.Problems().Select(p => p.Field));
        Assert.Empty(new InteractionLabels("support_bot-2", "v3", new Dictionary<string, string> { ["tone"] = "warm" }, ["name"]).Problems());
    }

    [Fact]
    public void Missing_variables_join_the_template_ones_without_repeats()
    {
        var labels = new InteractionLabels(RequiredVariables: ["name", "tone", "audience"]);
        Assert.Equal(["tone", "audience"], labels.Missing(v => v == "name", alreadyMissing: ["tone"]));
        Assert.Null(InteractionLabels.MissingJson([]));
        Assert.True(InteractionLabels.AllPresent(null));
        Assert.True(InteractionLabels.AllPresent("[]"));
        Assert.False(InteractionLabels.AllPresent("[\"tone\"]"));
    }
}
