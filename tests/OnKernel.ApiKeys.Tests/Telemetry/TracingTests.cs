using System.Diagnostics;
using OnKernel.ApiKeys.Tests.Infrastructure;

namespace OnKernel.ApiKeys.Tests.Telemetry;

/// <summary>
/// One Client span per SDK call, named after the operation, around every attempt and
/// back-off, with HttpClient's per-attempt spans nested under it; recorded by the real
/// OpenTelemetry SDK against a loopback server. Also compiled against the netstandard2.0 build.
/// </summary>
[Parallelizable(ParallelScope.Children)]
public class TracingTests
{
    private static KernelClient Client(LoopbackServer server, TelemetryCapture capture, int maxRetries = 0) =>
        new(new KernelClientOptions
        {
            ApiKey = Samples.CallerApiKey,
            BaseUrl = server.BaseUrl,
            Timeout = TimeSpan.FromSeconds(10),
            MaxRetries = maxRetries,
            LoggerFactory = capture.LoggerFactory,
        });

    [Test]
    public async Task A_create_is_one_client_span_over_one_http_span()
    {
        await using var server = LoopbackServer.Scripted(ServerAction.Respond(201, Samples.CreatedKeyJson));
        using var capture = new TelemetryCapture();
        using var client = Client(server, capture);

        var key = await client.ApiKeys.CreateAsync("staging", daysToExpire: 30);

        Assert.That(Activity.Current, Is.SameAs(capture.Root), "the caller's Activity.Current is back once the call returns");
        Assert.That(key.Key, Is.EqualTo(Samples.PlaintextKey));
        var span = capture.SdkSpans().Single();
        TelemetryAssert.IsSdkSpan(span, "ApiKeys.Create", "POST", "/org/api_keys", server.BaseUrl, capture.Root.SpanId);
        Assert.That(span.GetTagItem("http.response.status_code"), Is.EqualTo(201));
        Assert.That(span.GetTagItem("error.type"), Is.Null);
        Assert.That(span.GetTagItem("http.request.resend_count"), Is.Null, "no retry happened");
        Assert.That(span.Status, Is.EqualTo(ActivityStatusCode.Unset));
        var http = TelemetryAssert.HttpChildren(capture.HttpSpans(), span, attempts: 1).Single();
        Assert.That(http.GetTagItem("http.response.status_code"), Is.EqualTo(201));
        TelemetryAssert.NoSecrets(capture.Spans(), capture.Logs);
    }

    [Test]
    public async Task A_429_then_success_is_one_span_with_two_http_spans_and_a_retry_event()
    {
        await using var server = LoopbackServer.Scripted(
            ServerAction.Respond(429, Samples.ErrorJson("rate_limited", "slow down"), headers: ("retry-after-ms", "10")),
            ServerAction.Respond(201, Samples.CreatedKeyJson));
        using var capture = new TelemetryCapture();
        using var client = Client(server, capture, maxRetries: 2);

        await client.ApiKeys.CreateAsync("staging");

        var span = capture.SdkSpans().Single();
        TelemetryAssert.IsSdkSpan(span, "ApiKeys.Create", "POST", "/org/api_keys", server.BaseUrl, capture.Root.SpanId);
        Assert.That(span.GetTagItem("http.response.status_code"), Is.EqualTo(201));
        Assert.That(span.GetTagItem("http.request.resend_count"), Is.EqualTo(1));
        Assert.That(span.GetTagItem("error.type"), Is.Null, "the call succeeded");
        Assert.That(span.Status, Is.EqualTo(ActivityStatusCode.Unset));
        var retry = span.Events.Single();
        Assert.That(retry.Name, Is.EqualTo("kernel.retry"));
        var tags = retry.Tags.ToDictionary(t => t.Key, t => t.Value);
        Assert.That(tags["kernel.retry.reason"], Is.EqualTo("429"));
        Assert.That(tags["kernel.retry.attempt"], Is.EqualTo(1));
        Assert.That(tags["kernel.retry.delay_ms"], Is.EqualTo(10L));
        var http = TelemetryAssert.HttpChildren(capture.HttpSpans(), span, attempts: 2);
        Assert.That(http.Select(h => h.GetTagItem("http.response.status_code")), Is.EqualTo(new object[] { 429, 201 }));
        TelemetryAssert.NoSecrets(capture.Spans(), capture.Logs);
    }

    [Test]
    public async Task An_outcome_unknown_create_is_an_error_span_that_says_so()
    {
        // The error body echoes the caller's key: it must not reach the span or the logs.
        await using var server = LoopbackServer.Scripted(
            ServerAction.Respond(500, Samples.ErrorJson("internal_error", "boom for " + Samples.CallerApiKey)));
        using var capture = new TelemetryCapture();
        using var client = Client(server, capture, maxRetries: 2);

        Assert.ThrowsAsync<KernelOutcomeUnknownException>(() => client.ApiKeys.CreateAsync("staging"));

        var span = capture.SdkSpans().Single();
        TelemetryAssert.IsSdkSpan(span, "ApiKeys.Create", "POST", "/org/api_keys", server.BaseUrl, capture.Root.SpanId);
        Assert.That(span.Status, Is.EqualTo(ActivityStatusCode.Error));
        Assert.That(span.StatusDescription, Is.EqualTo("KernelOutcomeUnknownException (HTTP 500)"));
        Assert.That(span.GetTagItem("http.response.status_code"), Is.EqualTo(500));
        Assert.That(span.GetTagItem("error.type"), Is.EqualTo("500"));
        Assert.That(span.GetTagItem("kernel.outcome_unknown"), Is.EqualTo(true));
        Assert.That(span.GetTagItem("kernel.error.code"), Is.EqualTo("internal_error"));
        Assert.That(span.GetTagItem("http.request.resend_count"), Is.Null, "a create that may have acted is not replayed");
        Assert.That(span.Events, Is.Empty);
        TelemetryAssert.HttpChildren(capture.HttpSpans(), span, attempts: 1);
        TelemetryAssert.NoSecrets(capture.Spans(), capture.Logs);
    }

    [Test]
    public async Task A_list_of_three_pages_is_three_spans_each_with_its_page()
    {
        await using var server = new LoopbackServer((request, _) => request.Path switch
        {
            "/org/api_keys?limit=2" => ServerAction.Respond(200, ListSamples.Page("a", "b"), headers: [("X-Has-More", "true"), ("X-Next-Offset", "2")]),
            "/org/api_keys?limit=2&offset=2" => ServerAction.Respond(200, ListSamples.Page("c", "d"), headers: [("X-Has-More", "true"), ("X-Next-Offset", "4")]),
            "/org/api_keys?limit=2&offset=4" => ServerAction.Respond(200, ListSamples.Page("e"), headers: [("X-Has-More", "false")]),
            _ => ServerAction.Respond(400, Samples.ErrorJson("bad_request", "unexpected " + request.Path)),
        });
        using var capture = new TelemetryCapture();
        using var client = Client(server, capture);

        var ids = new List<string>();
        await foreach (var key in client.ApiKeys.ListAsync(new ApiKeyListOptions { Limit = 2 }))
        {
            ids.Add(key.Id);
        }

        Assert.That(ids, Is.EqualTo(new[] { "a", "b", "c", "d", "e" }));
        var spans = capture.SdkSpans();
        Assert.That(spans, Has.Count.EqualTo(3));
        var http = capture.HttpSpans();
        foreach (var span in spans)
        {
            TelemetryAssert.IsSdkSpan(span, "ApiKeys.ListPage", "GET", "/org/api_keys", server.BaseUrl, capture.Root.SpanId);
            Assert.That(span.GetTagItem("kernel.page.limit"), Is.EqualTo(2));
            Assert.That(span.GetTagItem("http.response.status_code"), Is.EqualTo(200));
            TelemetryAssert.HttpChildren(http, span, attempts: 1);
        }

        Assert.That(spans.Select(s => s.GetTagItem("kernel.page.offset")), Is.EqualTo(new object[] { 0, 2, 4 }));
        TelemetryAssert.NoSecrets(capture.Spans(), capture.Logs);
    }

    [Test]
    public async Task Get_update_rotate_and_delete_name_their_spans_without_the_id()
    {
        const string Id = "ckv9w8q2f000001l5r3j7k9m4";
        await using var server = new LoopbackServer((request, _) => request.Method switch
        {
            "GET" or "PATCH" => ServerAction.Respond(200, ListSamples.Key(Id)),
            "POST" => ServerAction.Respond(200, Samples.CreatedKeyJson),
            _ => ServerAction.Respond(204),
        });
        using var capture = new TelemetryCapture();
        using var client = Client(server, capture);

        await client.ApiKeys.GetAsync(Id);
        await client.ApiKeys.UpdateAsync(Id, "renamed");
        await client.ApiKeys.RotateAsync(Id, daysToExpire: 30, expireInDays: 1);
        await client.ApiKeys.DeleteAsync(Id);

        var spans = capture.SdkSpans();
        Assert.That(spans.Select(s => s.DisplayName), Is.EqualTo(new[] { "ApiKeys.Get", "ApiKeys.Update", "ApiKeys.Rotate", "ApiKeys.Delete" }));
        Assert.That(spans.Select(s => s.GetTagItem("http.request.method")), Is.EqualTo(new[] { "GET", "PATCH", "POST", "DELETE" }));
        Assert.That(spans.Select(s => s.GetTagItem("url.template")),
            Is.EqualTo(new[] { "/org/api_keys/{id}", "/org/api_keys/{id}", "/org/api_keys/{id}/rotate", "/org/api_keys/{id}" }));
        foreach (var span in spans)
        {
            Assert.That(span.TagObjects.Select(t => t.Value?.ToString()), Has.None.Contains(Id), "no key id in attributes");
            Assert.That(span.DisplayName, Does.Not.Contain(Id));
            TelemetryAssert.HttpChildren(capture.HttpSpans(), span, attempts: 1);
        }

        TelemetryAssert.NoSecrets(capture.Spans(), capture.Logs);
    }

    [Test]
    public async Task A_validation_failure_makes_no_span_and_sends_nothing()
    {
        await using var server = LoopbackServer.Scripted(ServerAction.Respond(201, Samples.CreatedKeyJson));
        using var capture = new TelemetryCapture();
        using var client = Client(server, capture);

        Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => client.ApiKeys.CreateAsync("staging", daysToExpire: 0));
        Assert.ThrowsAsync<ArgumentException>(() => client.ApiKeys.GetAsync(""));

        Assert.That(capture.Spans(), Is.Empty);
        Assert.That(server.RequestCount, Is.Zero);
        Assert.That(capture.Points("kernel.client.operation.duration", server.BaseUrl), Is.Empty);
    }

    [Test]
    public async Task A_call_the_caller_cancels_is_recorded_as_cancelled_not_as_an_error()
    {
        await using var server = LoopbackServer.Scripted(ServerAction.Hang());
        using var capture = new TelemetryCapture();
        using var client = Client(server, capture, maxRetries: 2);
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));

        Assert.That(() => client.ApiKeys.GetAsync("key_1", cancellationToken: cancel.Token), Throws.InstanceOf<OperationCanceledException>());

        var span = capture.SdkSpans().Single();
        TelemetryAssert.IsSdkSpan(span, "ApiKeys.Get", "GET", "/org/api_keys/{id}", server.BaseUrl, capture.Root.SpanId);
        Assert.That(span.Status, Is.EqualTo(ActivityStatusCode.Unset), "the caller's cancellation is not a failure of the call");
        Assert.That(span.GetTagItem("error.type"), Is.EqualTo(typeof(OperationCanceledException).FullName));
        Assert.That(span.GetTagItem("http.response.status_code"), Is.Null);
        TelemetryAssert.HttpChildren(capture.HttpSpans(), span, attempts: 1);
        TelemetryAssert.NoSecrets(capture.Spans(), capture.Logs);
    }
}
