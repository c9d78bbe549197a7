using System.Text.Json.Nodes;
using Platform.Core.Contracts;

namespace Platform.Core.Tests.Contracts;

public sealed class ContractDiffTests
{
    [Fact]
    public void Objects_compare_by_key_and_values_are_replaced_with_json_pointer_paths()
    {
        var changes = ContractDiff.Compare(
            JsonNode.Parse("""{"a":1,"b":{"c/d":"x","e~f":true},"gone":null}"""),
            JsonNode.Parse("""{"a":2,"b":{"c/d":"y","e~f":true},"new":[1]}"""));

        Assert.Equal(["remove /gone null->", "replace /a 1->2", "replace /b/c~1d \"x\"->\"y\"", "add /new ->[1]"], changes.Select(Show));
    }

    [Fact]
    public void Components_compare_by_id_so_an_insert_is_one_add()
    {
        var changes = ContractDiff.Compare(
            JsonNode.Parse("""[{"id":"a","label":"A"},{"id":"b","label":"B"},{"id":"c"}]"""),
            JsonNode.Parse("""[{"id":"new"},{"id":"a","label":"A"},{"id":"b","label":"Bee"}]"""));

        Assert.Equal(["remove /2 {\"id\":\"c\"}->", "add /0 ->{\"id\":\"new\"}", "replace /2/label \"B\"->\"Bee\""], changes.Select(Show));
    }

    [Fact]
    public void Other_arrays_compare_by_index_and_equal_documents_have_no_changes()
    {
        Assert.Equal(["replace /1 2->3", "add /2 ->4"], ContractDiff.Compare(JsonNode.Parse("[1,2]"), JsonNode.Parse("[1,3,4]")).Select(Show));
        Assert.Empty(ContractDiff.Compare(ContractFixtures.Checkout(), ContractFixtures.Checkout()));
        Assert.Equal(["replace  1->\"1\""], ContractDiff.Compare(JsonNode.Parse("1"), JsonNode.Parse("\"1\"")).Select(Show));
    }

    private static string Show(ContractChange c) =>
        $"{c.Op} {c.Path} {c.OldValue?.ToJsonString() ?? (c.Op == "add" ? "" : "null")}->{c.NewValue?.ToJsonString()}";
}
