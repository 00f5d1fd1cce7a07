using OnKernel.ApiKeys.Tests.Infrastructure;
using OpenTelemetry.Metrics;

namespace OnKernel.ApiKeys.Tests.Telemetry;

/// <summary>The duration histogram and the retry counter, as the OpenTelemetry SDK exports them.</summary>
[Parallelizable(ParallelScope.Children)]
public class MetricsTests
{
    private const string Duration = "kernel.client.operation.duration";
    private const string Retries = "kernel.client.operation.retries";

    [Test]
    public async Task Each_call_records_one_duration_with_its_outcome_and_each_retry_its_reason()
    {
        await using var server = new LoopbackServer((request, n) => (request.Method, n) switch
        {
            ("POST", 1) => ServerAction.Respond(429, Samples.ErrorJson("rate_limited", "slow down"), headers: ("retry-after-ms", "5")),
            ("POST", _) => ServerAction.Respond(201, Samples.CreatedKeyJson),
            _ => ServerAction.Respond(404, Samples.ErrorJson("not_found", "no such key")),
        });
        using var capture = new TelemetryCapture();
        using var client = new KernelClient(new KernelClientOptions { ApiKey = Samples.CallerApiKey, BaseUrl = server.BaseUrl, MaxRetries = 2 });

        await client.ApiKeys.CreateAsync("staging");
        Assert.ThrowsAsync<KernelNotFoundException>(() => client.ApiKeys.GetAsync("key_1"));

        var durations = capture.Points(Duration, server.BaseUrl);
        Assert.That(durations, Has.Count.EqualTo(2), "one series per operation and outcome");
        var create = durations.Single(p => Equals(TelemetryCapture.Tag(p, "kernel.operation.name"), "ApiKeys.Create"));
        Assert.That(create.GetHistogramCount(), Is.EqualTo(1), "one SDK call, whatever its attempts");
        Assert.That(create.GetHistogramSum(), Is.GreaterThan(0.004).And.LessThan(10), "seconds, back-off included");
        Assert.That(TelemetryCapture.Tag(create, "http.response.status_code"), Is.EqualTo(201));
        Assert.That(TelemetryCapture.Tag(create, "http.request.method"), Is.EqualTo("POST"));
        Assert.That(TelemetryCapture.Tag(create, "server.address"), Is.EqualTo("127.0.0.1"));
        Assert.That(TelemetryCapture.Tag(create, "error.type"), Is.Null);
        var bounds = new List<double>();
        foreach (var bucket in create.GetHistogramBuckets())
        {
            bounds.Add(bucket.ExplicitBound);
        }

        Assert.That(bounds, Is.EqualTo(new[] { 0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10, double.PositiveInfinity }),
            "the advised boundaries in seconds (semantic conventions), not the SDK's millisecond defaults");

        var get = durations.Single(p => Equals(TelemetryCapture.Tag(p, "kernel.operation.name"), "ApiKeys.Get"));
        Assert.That(get.GetHistogramCount(), Is.EqualTo(1));
        Assert.That(TelemetryCapture.Tag(get, "http.response.status_code"), Is.EqualTo(404));
        Assert.That(TelemetryCapture.Tag(get, "error.type"), Is.EqualTo("404"));

        var retry = capture.Points(Retries, server.BaseUrl).Single();
        Assert.That(retry.GetSumLong(), Is.EqualTo(1));
        Assert.That(TelemetryCapture.Tag(retry, "kernel.retry.reason"), Is.EqualTo("429"));
        Assert.That(TelemetryCapture.Tag(retry, "kernel.operation.name"), Is.EqualTo("ApiKeys.Create"));
    }

    [Test]
    public void A_connection_failure_is_recorded_with_its_exception_type_and_retry_reason()
    {
        // A port nobody listens on: refused at once, so even a create is retried.
        var probe = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        probe.Start();
        var closed = new Uri($"http://127.0.0.1:{((System.Net.IPEndPoint)probe.LocalEndpoint).Port}/");
        probe.Stop();
        using var capture = new TelemetryCapture();
        using var client = new KernelClient(new KernelClientOptions { ApiKey = Samples.CallerApiKey, BaseUrl = closed, MaxRetries = 1 });

        Assert.ThrowsAsync<KernelConnectionException>(() => client.ApiKeys.CreateAsync("staging"));

        var duration = capture.Points(Duration, closed).Single();
        Assert.That(TelemetryCapture.Tag(duration, "error.type"), Is.EqualTo(typeof(KernelConnectionException).FullName));
        Assert.That(TelemetryCapture.Tag(duration, "http.response.status_code"), Is.Null);
        var retry = capture.Points(Retries, closed).Single();
        Assert.That(TelemetryCapture.Tag(retry, "kernel.retry.reason"), Is.EqualTo("connection"));
    }
}
