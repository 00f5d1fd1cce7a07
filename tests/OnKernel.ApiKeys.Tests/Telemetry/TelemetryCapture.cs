using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace OnKernel.ApiKeys.Tests.Telemetry;

/// <summary>
/// The real OpenTelemetry SDK, configured as a user would (AddSource, AddMeter, HttpClient
/// instrumentation), exporting into memory. Listening is process-wide and other tests run
/// in parallel, so each capture opens a root span of its own and keeps only the spans of
/// that trace; metric points are kept by the loopback server's port (each test has its own).
/// </summary>
internal sealed class TelemetryCapture : IDisposable
{
    private static readonly ActivitySource TestSource = new("OnKernel.ApiKeys.Tests.Telemetry");

    private readonly List<Activity> _exported = [];
    private readonly List<MetricSnapshot> _metrics = [];
    private readonly TracerProvider _tracing;
    private readonly MeterProvider _meters;

    public TelemetryCapture()
    {
        _tracing = Sdk.CreateTracerProviderBuilder()
            .AddSource(TestSource.Name)
            .AddSource(KernelTelemetry.SourceName)
            .AddHttpClientInstrumentation()
            .AddInMemoryExporter(_exported)
            .Build()!;
        _meters = Sdk.CreateMeterProviderBuilder()
            .AddMeter(KernelTelemetry.MeterName)
            .AddInMemoryExporter(_metrics)
            .Build()!;
        Logs = new FakeLogCollector();
        LoggerFactory = Microsoft.Extensions.Logging.LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(new FakeLoggerProvider(Logs)));
        Root = TestSource.StartActivity("test root", ActivityKind.Internal)!;
        Assert.That(Root, Is.Not.Null, "the test's root span");
    }

    /// <summary>The test's own span: every SDK span of the test is its child.</summary>
    public Activity Root { get; }

    public FakeLogCollector Logs { get; }

    public ILoggerFactory LoggerFactory { get; }

    /// <summary>Ends the root span and returns every exported span of this test's trace, root excluded, in start order.</summary>
    public IReadOnlyList<Activity> Spans()
    {
        if (Root.Duration == TimeSpan.Zero)
        {
            Root.Stop();
        }

        _tracing.ForceFlush();
        lock (_exported)
        {
            return _exported.Where(a => a.TraceId == Root.TraceId && a != Root).OrderBy(a => a.StartTimeUtc).ToList();
        }
    }

    public IReadOnlyList<Activity> SdkSpans() => Spans().Where(a => a.Source.Name == KernelTelemetry.SourceName).ToList();

    /// <summary>HTTP spans .NET emits per attempt (System.Net.Http, through the HttpClient instrumentation).</summary>
    public IReadOnlyList<Activity> HttpSpans() => Spans().Where(a => a.Source.Name != KernelTelemetry.SourceName).ToList();

    /// <summary>The points of one instrument whose server.port is this test's server.</summary>
    public IReadOnlyList<MetricPoint> Points(string instrument, Uri server)
    {
        _meters.ForceFlush();
        lock (_metrics)
        {
            // Cumulative temporality: the last snapshot holds every point so far.
            var last = _metrics.LastOrDefault(m => m.Name == instrument);
            return last is null ? [] : last.MetricPoints.Where(p => Tag(p, "server.port") is int port && port == server.Port).ToList();
        }
    }

    public static object? Tag(MetricPoint point, string name)
    {
        foreach (var tag in point.Tags)
        {
            if (tag.Key == name)
            {
                return tag.Value;
            }
        }

        return null;
    }

    public void Dispose()
    {
        Root.Dispose();
        _tracing.Dispose();
        _meters.Dispose();
        LoggerFactory.Dispose();
    }
}
