using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Platform.Testing;
using Platform.Testing.FakeLlm;

namespace Platform.Api.Tests.Jobs;

/// <summary>Jobs run by the Worker's claim loop through the real gateway to the fake provider over HTTP.</summary>
public abstract class JobProcessingTests(Storage storage, PostgresServer postgres, FakeLlmServer fake) : JobsTestBase(storage, postgres, fake)
{
    [Fact]
    public async Task A_job_renders_its_template_asks_the_model_and_completes_its_output()
    {
        Fake.Reply = "Short summary.";
        StartWorker();
        var enqueued = await EnqueueAsync(Prompt("Summarize: {{doc.title}} by {{doc.author}}", new { doc = new { title = "Dune", author = "Herbert" } }));

        var job = await WaitForJobAsync(enqueued, "succeeded");
        Assert.Equal((100, 1), (job.GetProperty("progress").GetInt32(), job.GetProperty("attempts").GetInt32()));
        Assert.Equal(enqueued.GetProperty("outputId").GetGuid(), job.GetProperty("result").GetProperty("outputId").GetGuid());
        Assert.NotEqual(JsonValueKind.Null, job.GetProperty("timestamps").GetProperty("completedAt").ValueKind);

        Assert.Equal("Summarize: Dune by Herbert", Fake.LastRequest.LastUserText);
        var output = await OutputAsync(enqueued);
        Assert.Equal(("completed", "Short summary.", "Short summary."), (output.GetProperty("status").GetString(),
            output.GetProperty("rawResponse").GetString(), output.GetProperty("parsedOutput").GetString()));
        Assert.Equal(("Summarize: Dune by Herbert", "fakeopenai"), (output.GetProperty("prompt").GetString(), output.GetProperty("provider").GetString()));
        Assert.True(output.GetProperty("allVariablesPresent").GetBoolean());
        Assert.True(output.GetProperty("usage").GetProperty("inputTokens").GetInt32() > 0);
        Assert.True(output.GetProperty("costUsd").GetDouble() > 0);
        Assert.Equal(1, Fake.RequestCount);
    }

    [Fact]
    public async Task Missing_variables_are_recorded_and_left_visible_in_the_prompt()
    {
        StartWorker();
        var enqueued = await EnqueueAsync(Prompt("Dear {{name}}, your order {{order.id}} ships {{when}}", new { name = "Ann" }));
        await WaitForJobAsync(enqueued, "succeeded");

        var output = await OutputAsync(enqueued);
        Assert.False(output.GetProperty("allVariablesPresent").GetBoolean());
        Assert.Equal(["order.id", "when"], output.GetProperty("missingVariables").EnumerateArray().Select(v => v.GetString()));
        Assert.Equal("Dear Ann, your order {{order.id}} ships {{when}}", output.GetProperty("prompt").GetString());
    }

    [Fact]
    public async Task Json_output_in_a_fenced_block_is_unwrapped_and_parsed()
    {
        Fake.Reply = "Here you go:\n```json\n{\"sentiment\": \"positive\", \"score\": 0.9}\n```";
        StartWorker();
        var enqueued = await EnqueueAsync(Prompt("Classify {{text}}", new { text = "I love it" }, format: "json"));
        await WaitForJobAsync(enqueued, "succeeded");

        var parsed = (await OutputAsync(enqueued)).GetProperty("parsedOutput");
        Assert.Equal(("positive", 0.9), (parsed.GetProperty("sentiment").GetString(), parsed.GetProperty("score").GetDouble()));
        Assert.Equal("json_object", Fake.LastRequest.ResponseFormat);
    }

    [Fact]
    public async Task Invalid_json_fails_each_attempt_with_a_parse_error_and_the_job_for_good_after_max_attempts()
    {
        Fake.Reply = "{\"unterminated\": ";
        StartWorker();
        var enqueued = await EnqueueAsync(Prompt("Give JSON", format: "json", maxAttempts: 2));

        var job = await WaitForJobAsync(enqueued, "failed");
        Assert.Equal(2, job.GetProperty("attempts").GetInt32());
        Assert.Contains("not valid JSON", job.GetProperty("error").GetString());
        var output = await OutputAsync(enqueued);
        Assert.Equal("failed", output.GetProperty("status").GetString());
        Assert.Equal("{\"unterminated\": ", output.GetProperty("rawResponse").GetString());
        Assert.Equal(2, Fake.RequestCount);
    }

    [Fact]
    public async Task Markdown_output_is_stored_raw_with_a_sanitized_html_rendering()
    {
        Fake.Reply = "# Title\n\nSome **bold** text <script>alert(1)</script>";
        StartWorker();
        var enqueued = await EnqueueAsync(Prompt("Write markdown", format: "markdown"));
        await WaitForJobAsync(enqueued, "succeeded");

        var output = await OutputAsync(enqueued);
        var html = output.GetProperty("parsedOutput").GetString()!;
        Assert.Contains("<strong>bold</strong>", html);
        Assert.DoesNotContain("<script", html);
        Assert.Equal(Fake.Reply, output.GetProperty("rawResponse").GetString());
    }

    [Fact]
    public async Task Hostile_html_and_markdown_answers_are_stored_inert()
    {
        const string Html = "<p>Hello <b>world</b></p><img src=x onerror=alert(1)><a href=\"jav&#x09;ascript:alert(1)\">x</a>"
            + "<svg/onload=alert(1)></svg><math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph></table></mtext></math>"
            + "<iframe srcdoc=\"<script>alert(1)</script>\"></iframe><div STYLE=\"background:url(javascript:alert(1))\">y</div>"
            + "<base href=\"javascript:alert(1)//\"><meta http-equiv=refresh content=\"0;url=javascript:alert(1)\"><P OnClick=alert(1)>z</P>";
        const string Markdown = "**Hello** [x](javascript:alert(1)) [y](&#106;avascript:alert(1)) ![i](https://t.example/p.gif) <svg onload=alert(1)>";
        StartWorker();
        Fake.Reply = Html;
        var html = await EnqueueAsync(Prompt("Write html", format: "html"));
        await WaitForJobAsync(html, "succeeded");
        Fake.Reply = Markdown;
        var markdown = await EnqueueAsync(Prompt("Write markdown", format: "markdown"));
        await WaitForJobAsync(markdown, "succeeded");

        var storedHtml = (await OutputAsync(html)).GetProperty("parsedOutput").GetString()!;
        var storedMarkdown = (await OutputAsync(markdown)).GetProperty("parsedOutput").GetString()!;
        Assert.Equal("<p>Hello <b>world</b></p><a>x</a><div>y</div><p>z</p>", storedHtml);
        Assert.Equal("<p><strong>Hello</strong> <a>x</a> <a>y</a>  &lt;svg onload=alert(1)&gt;</p>\n", storedMarkdown);
    }

    [Fact]
    public async Task Transient_provider_failures_are_retried_on_the_backoff_schedule_until_success()
    {
        Fake.Enqueue(FakeFault.Status(503, "overloaded"));
        Fake.Enqueue(FakeFault.Status(503, "overloaded"));
        StartWorker();
        var enqueued = await EnqueueAsync(Prompt("Try hard"));

        var job = await WaitForJobAsync(enqueued, "succeeded");
        Assert.Equal(3, job.GetProperty("attempts").GetInt32());
        var times = Fake.Requests.Select(r => r.ReceivedAt).ToList();
        Assert.Equal(3, times.Count);
        // Base 0.2 s: retry n waits base * 2^(n-1) * U(0.5, 1.5), so at least 0.1 s and then 0.2 s.
        Assert.True(times[1] - times[0] >= TimeSpan.FromSeconds(0.1), $"first retry after {times[1] - times[0]}");
        Assert.True(times[2] - times[1] >= TimeSpan.FromSeconds(0.2), $"second retry after {times[2] - times[1]}");
        Assert.Equal("completed", (await OutputAsync(enqueued)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_failure_on_every_attempt_fails_the_job_for_good_with_its_last_error_and_retry_queues_it_again()
    {
        Fake.AlwaysFail(500, "provider exploded");
        StartWorker();
        var enqueued = await EnqueueAsync(Prompt("Doomed", maxAttempts: 3));

        var job = await WaitForJobAsync(enqueued, "failed");
        Assert.Equal(3, job.GetProperty("attempts").GetInt32());
        Assert.Contains("provider exploded", job.GetProperty("error").GetString());
        Assert.Equal("failed", (await OutputAsync(enqueued)).GetProperty("status").GetString());
        Assert.Equal(3, Fake.RequestCount);

        Fake.Heal();
        var retried = await Admin.PostAsync($"/api/jobs/{enqueued.GetProperty("jobId")}/retry", null, Ct);
        Assert.Equal(HttpStatusCode.OK, retried.StatusCode);
        job = await WaitForJobAsync(enqueued, "succeeded");
        Assert.Equal(1, job.GetProperty("attempts").GetInt32());
        Assert.Equal("completed", (await OutputAsync(enqueued)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_request_the_provider_rejects_fails_at_once_without_retries()
    {
        Fake.Enqueue(FakeFault.Status(400, "max_tokens is too large"));
        StartWorker();
        var enqueued = await EnqueueAsync(Prompt("Bad request", maxAttempts: 5));

        var job = await WaitForJobAsync(enqueued, "failed");
        Assert.Equal(1, job.GetProperty("attempts").GetInt32());
        Assert.Contains("max_tokens is too large", job.GetProperty("error").GetString());
        Assert.Equal(1, Fake.RequestCount);
    }

    [Fact]
    public async Task Jobs_are_claimed_high_priority_first_then_by_due_time()
    {
        foreach (var (priority, text) in new[] { ("low", "low-1"), ("default", "default-1"), ("high", "high-1"), ("low", "low-2"), ("high", "high-2") })
        {
            await EnqueueAsync(Prompt(text, priority: priority));
        }
        StartWorker();
        for (var i = 0; i < 600 && Fake.RequestCount < 5; i++)
        {
            await Task.Delay(50, Ct);
        }
        Assert.Equal(["high-1", "high-2", "default-1", "low-1", "low-2"], Fake.Requests.Select(r => r.LastUserText));
    }

    [Fact]
    public async Task Cancelling_a_running_job_stops_it_at_the_next_heartbeat()
    {
        Fake.Enqueue(FakeFault.Delay(TimeSpan.FromSeconds(30)));
        StartWorker();
        var enqueued = await EnqueueAsync(Prompt("Slow"));
        await WaitForJobAsync(enqueued, "running");

        var cancel = await Admin.PostAsync($"/api/jobs/{enqueued.GetProperty("jobId")}/cancel", null, Ct);
        Assert.Equal(HttpStatusCode.OK, cancel.StatusCode);
        var job = await WaitForJobAsync(enqueued, "cancelled");
        Assert.Equal(1, job.GetProperty("attempts").GetInt32());
        Assert.Equal("failed", (await OutputAsync(enqueued)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Stopping_the_worker_releases_a_job_unfinished_after_the_grace_period_for_the_next_worker()
    {
        Fake.Enqueue(FakeFault.Delay(TimeSpan.FromSeconds(30)));
        StartWorker();
        var enqueued = await EnqueueAsync(Prompt("Long"));
        for (var i = 0; i < 600 && Fake.RequestCount == 0; i++)
        {
            await Task.Delay(50, Ct);
        }

        await StopWorkerAsync();
        var released = await GetAsync($"/api/jobs/{enqueued.GetProperty("jobId")}");
        Assert.Equal(("queued", 0), (released.GetProperty("status").GetString(), released.GetProperty("attempts").GetInt32()));
        Assert.Equal("pending", (await OutputAsync(enqueued)).GetProperty("status").GetString());

        StartWorker();
        var job = await WaitForJobAsync(enqueued, "succeeded");
        Assert.Equal((1, 2), (job.GetProperty("attempts").GetInt32(), Fake.RequestCount));
    }

    [Fact]
    public async Task Rating_rerunning_and_regenerating_an_output_create_linked_outputs()
    {
        Fake.ReplyFactory = request => "answer to " + request.LastUserText;
        StartWorker();
        var enqueued = await EnqueueAsync(Prompt("Hello {{name}}", new { name = "Ann", tone = "warm" }));
        await WaitForJobAsync(enqueued, "succeeded");
        var outputId = enqueued.GetProperty("outputId").GetGuid();

        var rated = await Admin.PostAsJsonAsync($"/api/outputs/{outputId}/feedback", new { feedback = "thumbs_up", comment = "nice" }, Ct);
        Assert.Equal(HttpStatusCode.OK, rated.StatusCode);
        Assert.Single((await GetAsync("/api/outputs?feedback=thumbs_up")).GetProperty("items").EnumerateArray());

        var rerun = await Admin.PostAsync($"/api/outputs/{outputId}/rerun", null, Ct);
        Assert.Equal(HttpStatusCode.Accepted, rerun.StatusCode);
        var rerunJob = await rerun.Content.ReadFromJsonAsync<JsonElement>(Ct);
        await WaitForJobAsync(rerunJob, "succeeded");
        var rerunOutput = await OutputAsync(rerunJob);
        Assert.Equal(outputId, rerunOutput.GetProperty("parentId").GetGuid());
        Assert.Equal(("Hello Ann", "gpt-4o-mini"), (rerunOutput.GetProperty("prompt").GetString(), rerunOutput.GetProperty("model").GetString()));
        Assert.Equal(JsonValueKind.Null, rerunOutput.GetProperty("feedback").ValueKind);

        var regenerate = await Admin.PostAsJsonAsync($"/api/outputs/{outputId}/regenerate", new { context = new { name = "Bob" }, model = "gpt-4o" }, Ct);
        Assert.Equal(HttpStatusCode.Accepted, regenerate.StatusCode);
        var regenerated = await regenerate.Content.ReadFromJsonAsync<JsonElement>(Ct);
        await WaitForJobAsync(regenerated, "succeeded");
        var regeneratedOutput = await OutputAsync(regenerated);
        Assert.Equal(outputId, regeneratedOutput.GetProperty("parentId").GetGuid());
        Assert.Equal(("Hello Bob", "gpt-4o"), (regeneratedOutput.GetProperty("prompt").GetString(), regeneratedOutput.GetProperty("model").GetString()));
        Assert.Equal("warm", regeneratedOutput.GetProperty("context").GetProperty("tone").GetString());
        Assert.Equal("answer to Hello Bob", regeneratedOutput.GetProperty("rawResponse").GetString());

        var badModel = await Admin.PostAsJsonAsync($"/api/outputs/{outputId}/regenerate", new { model = "nope" }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, badModel.StatusCode);
    }
}

public sealed class JobProcessingTestsOnSqlite(PostgresServer postgres, FakeLlmServer fake)
    : JobProcessingTests(Storage.Sqlite, postgres, fake), IClassFixture<FakeLlmServer>;

public sealed class JobProcessingTestsOnPostgres(PostgresServer postgres, FakeLlmServer fake)
    : JobProcessingTests(Storage.Postgres, postgres, fake), IClassFixture<FakeLlmServer>;
