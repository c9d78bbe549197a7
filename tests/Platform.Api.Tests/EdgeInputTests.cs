using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using Platform.Api.Tests.Fuzz;
using Platform.Testing;

namespace Platform.Api.Tests;

/// <summary>The reproducers of hostile input found by hand: each must be a 4xx problem naming what is wrong, never a 500.</summary>
public abstract class EdgeInputTests(Storage storage, PostgresServer postgres) : ApiTestBase(storage, postgres)
{
    [Theory]
    [InlineData("/api/jobs?cursor=%27")]
    [InlineData("/api/outputs?cursor=%27")]
    [InlineData("/api/outputs?cursor=%2B%2F%3D%3D")]
    public async Task A_cursor_that_is_not_one_we_issued_is_a_400_naming_cursor(string url)
    {
        var response = await Admin.GetAsync(url, Ct);
        await AssertFieldProblemAsync(response, HttpStatusCode.BadRequest, "cursor");
    }

    [Theory]
    [InlineData("/api/users")]
    [InlineData("/v1/chat/completions")]
    public async Task Json_in_a_charset_other_than_utf8_is_a_415(string url)
    {
        var response = await Admin.PostAsync(url, Json("{}", "application/json; charset=bogus"), Ct);
        await AssertFieldProblemAsync(response, HttpStatusCode.UnsupportedMediaType, "Content-Type");
    }

    [Fact]
    public async Task Utf8_named_in_any_spelling_is_accepted()
    {
        var body = """{"name":"Quoted","email":"quoted@example.com"}""";
        var response = await Admin.PostAsync("/api/users", Json(body, "application/json; charset=\"UTF-8\""), Ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Fact]
    public async Task Invalid_utf8_in_a_chat_completions_body_is_a_400_with_the_openai_error_shape()
    {
        byte[] body = [.. "{\"messages\":[{\"role\":\"user\",\"content\":\"h"u8, 0xFF, 0xFE, .. "i\"}]}"u8];
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        var response = await Admin.PostAsync("/v1/chat/completions", content, Ct);
        var problem = await AssertFieldProblemAsync(response, HttpStatusCode.BadRequest, "messages[0].content");
        var error = problem.GetProperty("error");
        Assert.Equal("invalid_request_error", error.GetProperty("type").GetString());
        Assert.Equal("messages[0].content", error.GetProperty("param").GetString());
        Assert.Contains("messages[0].content", error.GetProperty("message").GetString());
    }

    [Fact]
    public async Task A_request_without_a_key_that_accepts_only_xml_gets_a_401_problem_as_json_and_logs_no_error()
    {
        var errors = ErrorLogs.Listen(Factory.Services);
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/me");
        request.Headers.Accept.ParseAdd("application/xml");
        var response = await Factory.CreateClient(apiKey: null).SendAsync(request, Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(401, (await ProblemAsync(response)).GetProperty("status").GetInt32());
        Assert.Empty(errors.Describe());
    }

    public static TheoryData<string, string, string> StoredText() => new()
    {
        { "/api/users", """{"name":"a\u0000b","email":"nul@example.com"}""", "name" },
        { "/api/users", """{"name":"Ann","email":"x\ud800@example.com"}""", "email" },
        { "/api/jobs", """{"template":"hi","idempotencyKey":"k\u0000"}""", "idempotencyKey" },
        { "/api/jobs", """{"template":"t\uDC00"}""", "template" },
        { "/api/jobs", """{"template":"hi {{a}}","context":{"a":{"b":["ok","x\u0000"]}}}""", "context.a.b[1]" },
        { "/api/llm/chat", """{"messages":[{"role":"user","content":"ok"},{"role":"user","content":"\u0000"}]}""", "messages[1].content" },
        { "/api/llm/chat", """{"messages":[{"role":"user","content":"ok"}],"metadata":{"k":"v\ud800"}}""", "metadata.k" },
        { "/v1/chat/completions", """{"messages":[{"role":"user","content":"a\u0000"}]}""", "messages[0].content" },
    };

    [Theory]
    [MemberData(nameof(StoredText))]
    public async Task Nul_and_unpaired_surrogates_in_a_body_are_400s_naming_the_json_path(string url, string body, string field)
    {
        var response = await Admin.PostAsync(url, Json(body, "application/json"), Ct);
        await AssertFieldProblemAsync(response, HttpStatusCode.BadRequest, field);
    }

    [Fact]
    public async Task Nul_in_feedback_comments_and_list_filters_is_a_400_naming_the_field()
    {
        var job = await (await Admin.PostAsJsonAsync("/api/jobs", new { template = "Hello" }, Ct)).Content.ReadFromJsonAsync<System.Text.Json.JsonElement>(Ct);
        var feedback = await Admin.PostAsync($"/api/outputs/{job.GetProperty("outputId")}/feedback",
            Json("""{"feedback":"thumbs_up","comment":"nice\u0000"}""", "application/json"), Ct);
        await AssertFieldProblemAsync(feedback, HttpStatusCode.BadRequest, "comment");

        await AssertFieldProblemAsync(await Admin.GetAsync("/api/outputs?model=a%00b", Ct), HttpStatusCode.BadRequest, "model");
        await AssertFieldProblemAsync(await Admin.GetAsync("/api/jobs?status=%00", Ct), HttpStatusCode.BadRequest, "status");
    }

    [Fact]
    public async Task Text_that_the_databases_can_store_still_works()
    {
        var response = await Admin.PostAsync("/api/users", Json("""{"name":"Zoë \ud83d\ude00","email":"zoe@example.com"}""", "application/json"), Ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("Zoë 😀", (await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>(Ct)).GetProperty("name").GetString());
    }

    private static StringContent Json(string body, string contentType)
    {
        var content = new StringContent(body, Encoding.UTF8);
        content.Headers.Remove("Content-Type");
        content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        return content;
    }

    private static async Task<System.Text.Json.JsonElement> AssertFieldProblemAsync(HttpResponseMessage response, HttpStatusCode status, string field)
    {
        Assert.Equal(status, response.StatusCode);
        var problem = await ProblemAsync(response);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"errors should name '{field}': {problem}");
        return problem;
    }
}

public sealed class EdgeInputTestsOnSqlite(PostgresServer postgres) : EdgeInputTests(Storage.Sqlite, postgres);

public sealed class EdgeInputTestsOnPostgres(PostgresServer postgres) : EdgeInputTests(Storage.Postgres, postgres);
