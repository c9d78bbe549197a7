using Platform.Api.Interactions;
using Platform.Testing;

namespace Platform.Api.Tests.Interactions;

public abstract class InteractionListTests(Storage storage, PostgresServer postgres) : InteractionQueriesTestBase(storage, postgres)
{
    [Theory]
    [InlineData("", "r1 r2 r3 r4 r5 r6")]
    [InlineData("type=job", "r3 r4")]
    [InlineData("status=success", "r1 r2 r5 r6")]
    [InlineData("status=failure", "r3")]
    [InlineData("status=partial", "r4")]
    [InlineData("feedback=accepted", "r1")]
    [InlineData("feedback=no_feedback", "r2 r3 r6")]
    [InlineData("minQuality=50", "r1 r2")]
    [InlineData("maxQuality=50", "r4")]
    [InlineData("minQuality=60&maxQuality=60", "r2")]
    [InlineData("model=m2", "r3 r4")]
    [InlineData("provider=p2", "r4")]
    [InlineData("from=2026-01-11T00:00:00Z", "r4 r5")]
    [InlineData("to=2026-01-11", "r1 r2 r3 r6")]
    [InlineData("from=2026-01-10T02:00:00Z&to=2026-01-10T04:00:00Z", "r2 r3")]
    [InlineData("q=secret", "r6")]
    [InlineData("q=half", "r4")]
    [InlineData("q=50%25", "r5")]
    [InlineData("q=o_r", "")]
    [InlineData("q=%25", "r5")]
    [InlineData("q=t_code", "r5")]
    [InlineData("q=discount_code", "r5")]
    [InlineData("type=chat&model=m1&feedback=no_feedback", "r2 r6")]
    public async Task Each_filter_narrows_the_log_to_the_matching_rows(string query, string expected)
    {
        Assert.Equal(expected.Split(' ', StringSplitOptions.RemoveEmptyEntries), await ListAsync(Admin, query));
    }

    [Fact]
    public async Task An_admin_filters_by_owner_and_a_member_sees_only_their_own()
    {
        Assert.Equal(["r6"], await ListAsync(Admin, $"userId={OwnerB}"));
        Assert.Equal(["r1", "r2", "r3", "r4", "r5"], await ListAsync(MemberA, ""));
        Assert.Equal(["r6"], await ListAsync(MemberB, ""));
        Assert.Empty(await ListAsync(MemberB, "q=fourth"));
        Assert.Equal(["r6"], await ListAsync(MemberB, $"userId={OwnerB}"));

        await AssertRefusedAsync(MemberB, $"/api/interactions?userId={OwnerA}", "userId");
    }

    [Fact]
    public async Task The_end_user_filter_finds_one_visitors_interactions_within_what_the_caller_may_see()
    {
        Assert.Equal(["r1", "r2", "r6"], await ListAsync(Admin, $"endUserId={InteractionFixture.Visitor}"));
        Assert.Equal(["r1", "r2"], await ListAsync(MemberA, $"endUserId={InteractionFixture.Visitor}"));
        Assert.Empty(await ListAsync(Admin, "endUserId=nobody"));
        await AssertRefusedAsync(Admin, "/api/interactions?endUserId=" + new string('x', QueryParameters.MaxNameChars + 1), "endUserId");
    }

    [Theory]
    [InlineData("newest", "r5 r4 r6 r3 r2 r1")]
    [InlineData("oldest", "r1 r2 r3 r6 r4 r5")]
    public async Task Keyset_pages_walk_every_row_once_in_order(string sort, string expected)
    {
        var seen = new List<string>();
        string? cursor = null;
        do
        {
            var page = await GetJsonAsync(Admin, $"/api/interactions?sort={sort}&limit=4" + (cursor is null ? "" : $"&cursor={cursor}"));
            seen.AddRange(page.GetProperty("items").EnumerateArray().Select(i => Fixture.Names([i.GetProperty("id").GetGuid()])[0]));
            cursor = page.GetProperty("nextCursor").GetString();
        }
        while (cursor is not null);
        Assert.Equal(expected.Split(' '), seen);
    }

    [Fact]
    public async Task A_list_item_is_a_preview_with_the_client_status()
    {
        var page = await GetJsonAsync(Admin, "/api/interactions?status=partial");
        var item = Assert.Single(page.GetProperty("items").EnumerateArray());
        Assert.Equal("partial", item.GetProperty("status").GetString());
        Assert.Equal("fourth", item.GetProperty("promptPreview").GetString());
        Assert.Equal(6, item.GetProperty("promptLength").GetInt32());
        Assert.False(item.GetProperty("allVariablesPresent").GetBoolean());
    }

    [Theory]
    [InlineData("from=yesterday", "from")]
    [InlineData("to=0001-01-01T00:00:00Z", "to")]
    [InlineData("from=2026-01-02&to=2026-01-01", "to")]
    [InlineData("status=completed", "status")]
    [InlineData("feedback=meh", "feedback")]
    [InlineData("minQuality=101", "minQuality")]
    [InlineData("maxQuality=-1", "maxQuality")]
    [InlineData("minQuality=NaN", "minQuality")]
    [InlineData("sort=cost", "sort")]
    [InlineData("limit=501", "limit")]
    [InlineData("limit=0", "limit")]
    [InlineData("cursor=not-a-cursor", "cursor")]
    public Task A_bad_list_parameter_is_a_400_naming_it(string query, string field) =>
        AssertRefusedAsync(Admin, "/api/interactions?" + query, field);

    [Fact]
    public Task A_search_text_over_the_cap_is_a_400_naming_q() =>
        AssertRefusedAsync(Admin, "/api/interactions?q=" + new string('x', 201), "q");
}

public sealed class InteractionListTestsOnSqlite(PostgresServer postgres) : InteractionListTests(Storage.Sqlite, postgres);

public sealed class InteractionListTestsOnPostgres(PostgresServer postgres) : InteractionListTests(Storage.Postgres, postgres);
