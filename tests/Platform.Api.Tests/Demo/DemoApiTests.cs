using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Platform.Api.Tests.Gateway;
using Platform.Testing.FakeLlm;

namespace Platform.Api.Tests.Demo;

/// <summary>The demo chat's server half: the page is public, the answers are paid by the member key, which never leaves the server.</summary>
public sealed class DemoApiTests(FakeLlmServer fake) : GatewayTestBase(fake), IClassFixture<FakeLlmServer>
{
    private const string IngestSecret = "demo-ingest-secret-for-tests";
    private const string MemberSecret = "demo-member-secret-for-tests";

    protected override IDictionary<string, string> Settings()
    {
        var settings = base.Settings();
        settings["Demo:IngestKey"] = IngestSecret;
        settings["Demo:MemberKey"] = MemberSecret;
        settings["Demo:Model"] = "gpt-4o-mini";
        return settings;
    }

    [Fact]
    public async Task A_question_is_answered_as_the_member_key_and_recorded_as_a_chat_of_the_page_user()
    {
        Fake.Reply = "Read [the guide](https://docs.example.com/guide) <script>alert(1)</script>**now**.";
        var anonymous = Factory.CreateClient(apiKey: null);
        var response = await anonymous.PostAsJsonAsync("/demo/ask", new { question = "where is the guide?", userId = "visitor-1", sessionId = "s-1" }, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var answer = await JsonAsync(response);
        Assert.Equal(Fake.Reply, answer.GetProperty("answer").GetString());
        var html = answer.GetProperty("html").GetString()!;
        Assert.Contains("href=\"https://docs.example.com/guide\"", html);
        Assert.Contains("<strong>now</strong>", html);
        Assert.DoesNotContain("<script", html);
        Assert.Equal("gpt-4o-mini", answer.GetProperty("model").GetString());
        Assert.Equal("where is the guide?", Fake.LastRequest.LastUserText);

        var record = await InteractionAsync(answer.GetProperty("interactionId").GetGuid());
        Assert.Equal(("chat", "demo", "visitor-1", "s-1"), (record.Type, record.Source, record.EndUserId, record.SessionId));
        var demoUser = await DemoUserAsync();
        Assert.Equal(demoUser.GetProperty("id").GetGuid(), record.OwnerUserId);
    }

    [Fact]
    public async Task The_page_gets_the_ingest_key_and_never_the_member_key()
    {
        var anonymous = Factory.CreateClient(apiKey: null);
        var config = await anonymous.GetFromJsonAsync<JsonElement>("/demo/config", Ct);
        Assert.True(config.GetProperty("ready").GetBoolean());
        Assert.Equal(IngestSecret, config.GetProperty("ingestKey").GetString());
        foreach (var path in new[] { "/demo/config", "/demo", "/demo/", "/demo/demo.js", "/demo/demo.css" })
        {
            var response = await anonymous.GetAsync(path, Ct);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.DoesNotContain(MemberSecret, await response.Content.ReadAsStringAsync(Ct));
        }
        var page = await anonymous.GetAsync("/demo/", Ct);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("default-src 'self'", page.Headers.GetValues("Content-Security-Policy").Single());

        // The ingest key the page gets can write events only: it is the demo user's, with the ingest scope.
        var me = await Factory.CreateClient(IngestSecret).GetFromJsonAsync<JsonElement>("/api/me", Ct);
        Assert.Equal(("demo@localhost", "ingest"), (me.GetProperty("email").GetString(), me.GetProperty("scope").GetString()));
    }

    [Theory]
    [InlineData("""{"question":""}""", "question")]
    [InlineData("""{"userId":"u"}""", "question")]
    [InlineData("""{"question":7}""", "question")]
    [InlineData("""{"question":"hi","sessionId":""}""", "sessionId")]
    public async Task A_bad_question_is_a_400_naming_the_field(string body, string field)
    {
        var response = await Factory.CreateClient(apiKey: null).PostAsync("/demo/ask", new StringContent(body, System.Text.Encoding.UTF8, "application/json"), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await ApiTestBase.ProblemAsync(response);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _));
    }

    [Fact]
    public async Task A_question_over_the_limit_is_a_400_naming_the_limit()
    {
        var question = new string('q', Api.Demo.DemoApi.MaxQuestionLength + 1);
        var response = await Factory.CreateClient(apiKey: null).PostAsJsonAsync("/demo/ask", new { question }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await ApiTestBase.ProblemAsync(response)).GetProperty("errors").GetProperty("question");
        Assert.Contains("2000", errors[0].GetString());
        Assert.Equal(0, Fake.RequestCount);
    }

    [Fact]
    public async Task Disabling_the_demo_user_switches_the_demo_off_and_says_which_setting()
    {
        var demoUser = await DemoUserAsync();
        (await Admin.PostAsync($"/api/users/{demoUser.GetProperty("id")}/disable", null, Ct)).EnsureSuccessStatusCode();

        var anonymous = Factory.CreateClient(apiKey: null);
        var response = await anonymous.PostAsJsonAsync("/demo/ask", new { question = "anyone there?" }, Ct);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Demo:MemberKey", (await ApiTestBase.ProblemAsync(response)).GetProperty("detail").GetString());
        var config = await anonymous.GetFromJsonAsync<JsonElement>("/demo/config", Ct);
        Assert.False(config.GetProperty("ready").GetBoolean());
        Assert.Equal(JsonValueKind.Null, config.GetProperty("ingestKey").ValueKind);
        Assert.Equal(0, Fake.RequestCount);
    }

    private async Task<JsonElement> DemoUserAsync()
    {
        var users = await Admin.GetFromJsonAsync<JsonElement>("/api/users", Ct);
        return users.EnumerateArray().Single(u => u.GetProperty("email").GetString() == Api.Demo.DemoKeys.DemoEmail);
    }
}

/// <summary>Keys that are missing or unfit: the page explains, and nothing that can read or spend goes to the browser.</summary>
public sealed class DemoConfigurationTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Without_keys_the_page_says_how_to_configure_them_and_asking_is_a_404()
    {
        await using var factory = new ApiFactory(connectionString: null);
        var anonymous = factory.CreateClient(apiKey: null);
        var config = await anonymous.GetFromJsonAsync<JsonElement>("/demo/config", Ct);
        Assert.False(config.GetProperty("ready").GetBoolean());
        var problems = string.Join('\n', config.GetProperty("problems").EnumerateArray().Select(p => p.GetString()));
        Assert.Contains("Demo:IngestKey is not set", problems);
        Assert.Contains("Demo:MemberKey is not set", problems);
        Assert.Contains("--Demo:IngestKey", await anonymous.GetStringAsync("/demo/", Ct));

        var response = await anonymous.PostAsJsonAsync("/demo/ask", new { question = "hello?" }, Ct);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Demo:MemberKey is not set", (await ApiTestBase.ProblemAsync(response)).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task An_admin_key_given_as_the_ingest_key_is_not_handed_to_the_browser()
    {
        await using var factory = new ApiFactory(connectionString: null, new Dictionary<string, string>
        {
            ["Demo:IngestKey"] = ApiFactory.AdminKey,
            ["Demo:MemberKey"] = "demo-member-secret-for-tests",
        });
        var config = await factory.CreateClient(apiKey: null).GetFromJsonAsync<JsonElement>("/demo/config", Ct);
        Assert.False(config.GetProperty("ready").GetBoolean());
        Assert.Equal(JsonValueKind.Null, config.GetProperty("ingestKey").ValueKind);
        Assert.Contains(config.GetProperty("problems").EnumerateArray(), p => p.GetString()!.Contains("scope 'admin'"));
        Assert.DoesNotContain(ApiFactory.AdminKey, config.GetRawText());
    }
}
