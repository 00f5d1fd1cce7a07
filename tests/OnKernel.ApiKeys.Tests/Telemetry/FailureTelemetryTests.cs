using System.Diagnostics;
using OnKernel.ApiKeys.Tests.Infrastructure;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace OnKernel.ApiKeys.Tests.Telemetry;

/// <summary>
/// What a failed or retried call records: the error type (the status from 400 on, the
/// exception type below), the resend count of a call that failed after retries, the reason
/// of each retry; and a retry is recorded by tracing alone or by metrics alone.
/// </summary>
[Parallelizable(ParallelScope.Children)]
public class FailureTelemetryTests
{
    private static readonly ActivitySource TestSource = new("OnKernel.ApiKeys.Tests.FailureTelemetry");

    /// <summary>A caller's handler whose first send fails with the given exception; later sends go through.</summary>
    private sealed class FailsFirst(Exception failure) : DelegatingHandler(NoRedirects())
    {
        private int _sends;

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Interlocked.Increment(ref _sends) == 1 ? throw failure : base.SendAsync(request, cancellationToken);
    }

    private static HttpClientHandler NoRedirects() => new() { AllowAutoRedirect = false };

    private static KernelClient Client(Uri server, int maxRetries, HttpMessageHandler? handler = null) =>
        new(new HttpClient(handler ?? NoRedirects()), new KernelClientOptions
        {
            ApiKey = Samples.CallerApiKey,
            BaseUrl = server,
            Timeout = TimeSpan.FromSeconds(10),
            MaxRetries = maxRetries,
        });

    [TestCase(400, "400")]
    [TestCase(404, "404")]
    [TestCase(302, "OnKernel.KernelRedirectException")]
    public async Task A_failed_calls_error_type_is_its_status_from_400_on_and_its_exception_type_below(int status, string errorType)
    {
        await using var server = LoopbackServer.Scripted(ServerAction.Respond(status, Samples.ErrorJson("some_error", "no"), headers: ("Location", "https://elsewhere.example/")));
        using var capture = new TelemetryCapture();
        using var client = Client(server.BaseUrl, maxRetries: 0);

        Assert.CatchAsync<KernelApiException>(() => client.ApiKeys.GetAsync("k1"));

        var span = capture.SdkSpans().Single();
        Assert.That(span.GetTagItem("http.response.status_code"), Is.EqualTo(status));
        Assert.That(span.GetTagItem("error.type"), Is.EqualTo(errorType));
        Assert.That(span.Status, Is.EqualTo(ActivityStatusCode.Error));
    }

    [Test]
    public async Task A_call_that_failed_after_a_retry_records_its_resend_count()
    {
        await using var server = LoopbackServer.Scripted(
            ServerAction.Respond(500, Samples.ErrorJson("internal", "boom"), headers: ("retry-after-ms", "5")),
            ServerAction.Respond(500, Samples.ErrorJson("internal", "boom")));
        using var capture = new TelemetryCapture();
        using var client = Client(server.BaseUrl, maxRetries: 1);

        Assert.CatchAsync<KernelServerException>(() => client.ApiKeys.GetAsync("k1"));

        var span = capture.SdkSpans().Single();
        Assert.That(span.GetTagItem("http.request.resend_count"), Is.EqualTo(1));
        Assert.That(span.GetTagItem("error.type"), Is.EqualTo("500"));
    }

    [TestCase("timeout")]
    [TestCase("connection")]
    public async Task A_retry_after_a_transport_failure_names_the_failure_as_its_reason(string reason)
    {
        Exception failure = reason == "timeout"
            ? new TaskCanceledException("the caller's HttpClient timed out")
            : new HttpRequestException(HttpRequestError.ConnectionError, "refused");
        await using var server = LoopbackServer.Scripted(ServerAction.Respond(200, ListSamples.Key("k1")));
        using var capture = new TelemetryCapture();
        using var client = Client(server.BaseUrl, maxRetries: 1, new FailsFirst(failure));

        var key = await client.ApiKeys.GetAsync("k1");

        Assert.That(key.Id, Is.EqualTo("k1"));
        var retry = capture.SdkSpans().Single().Events.Single();
        Assert.That(retry.Tags.Single(t => t.Key == "kernel.retry.reason").Value, Is.EqualTo(reason));
        var counted = capture.Points("kernel.client.operation.retries", server.BaseUrl).Single();
        Assert.That(TelemetryCapture.Tag(counted, "kernel.retry.reason"), Is.EqualTo(reason));
    }

    [Test]
    public async Task Tracing_alone_records_the_retry_event()
    {
        await using var server = LoopbackServer.Scripted(
            ServerAction.Respond(429, Samples.ErrorJson("rate_limited", "slow down"), headers: ("retry-after-ms", "5")),
            ServerAction.Respond(200, ListSamples.Key("k1")));
        var exported = new List<Activity>();
        using (var tracing = Sdk.CreateTracerProviderBuilder().AddSource(TestSource.Name).AddSource(KernelTelemetry.SourceName).AddInMemoryExporter(exported).Build())
        using (var root = TestSource.StartActivity("test root")!)
        using (var client = Client(server.BaseUrl, maxRetries: 1))
        {
            await client.ApiKeys.GetAsync("k1");
            root.Stop();
            tracing!.ForceFlush();

            var span = exported.Single(a => a.TraceId == root.TraceId && a.Source.Name == KernelTelemetry.SourceName);
            var retry = span.Events.Single();
            Assert.That(retry.Name, Is.EqualTo("kernel.retry"));
            Assert.That(retry.Tags.Single(t => t.Key == "kernel.retry.reason").Value, Is.EqualTo("429"));
        }
    }

    [Test]
    public async Task Metrics_alone_count_the_retry()
    {
        await using var server = LoopbackServer.Scripted(
            ServerAction.Respond(429, Samples.ErrorJson("rate_limited", "slow down"), headers: ("retry-after-ms", "5")),
            ServerAction.Respond(200, ListSamples.Key("k1")));
        var metrics = new List<Metric>();
        using var meters = Sdk.CreateMeterProviderBuilder().AddMeter(KernelTelemetry.MeterName).AddInMemoryExporter(metrics).Build()!;
        using var client = Client(server.BaseUrl, maxRetries: 1);

        await client.ApiKeys.GetAsync("k1");

        meters.ForceFlush();
        var points = new List<MetricPoint>();
        foreach (var metric in metrics.Where(m => m.Name == "kernel.client.operation.retries"))
        {
            foreach (ref readonly var point in metric.GetMetricPoints())
            {
                if (TelemetryCapture.Tag(point, "server.port") is int port && port == server.BaseUrl.Port)
                {
                    points.Add(point);
                }
            }
        }

        Assert.That(points.Sum(p => p.GetSumLong()), Is.EqualTo(1));
        Assert.That(TelemetryCapture.Tag(points[0], "kernel.retry.reason"), Is.EqualTo("429"));
    }
}
