using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Net;
using System.Text;
using BenchmarkDotNet.Attributes;

namespace OnKernel.ApiKeys.Benchmarks;

/// <summary>
/// What telemetry costs per create, through an in-memory handler (no network, so the
/// client's own work is all that is measured): nobody listening, a tracer, a meter
/// listener, both. For a baseline without telemetry, run this same file in a checkout of
/// the commit before telemetry (1ddae66): the README's numbers were taken that way.
/// <c>dotnet run -c Release --project tests/OnKernel.ApiKeys.Benchmarks -- --filter '*TelemetryOverhead*'</c>
/// </summary>
[MemoryDiagnoser]
// In process: BenchmarkDotNet's generated project would sit under tests/ and inherit the
// test projects' shared sources. Listeners are added in GlobalSetup and removed in
// GlobalCleanup, so one case's listener never sees another's calls.
[InProcess]
[MedianColumn]
[WarmupCount(3)]
[IterationCount(30)]
[IterationTime(250)]
public class TelemetryOverheadBenchmarks
{
    private const string CreatedKeyJson = """
        { "id": "ckv9w8q2f000001l5r3j7k9m4", "name": "staging", "created_at": "2026-11-26T10:15:30.123Z",
          "created_by": { "id": "user-abc123", "email": "jane@example.com", "name": "Jane Doe" },
          "expires_at": "2026-12-26T10:15:30Z", "deleted_at": null, "project_id": null, "project_name": null,
          "masked_key": "sk_live_...cdef", "key": "sk_live_0123456789abcdef" }
        """;

    private KernelClient _client = null!;
    private ActivityListener? _tracer;
    private MeterListener? _meters;

    public enum Listening
    {
        Nobody,
        Traces,
        Metrics,
        TracesAndMetrics,
    }

    [Params(Listening.Nobody, Listening.Traces, Listening.Metrics, Listening.TracesAndMetrics)]
    public Listening Listener { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        if (Listener is Listening.Traces or Listening.TracesAndMetrics)
        {
            // What an OpenTelemetry tracer provider with AddSource does: sample everything, keep it.
            _tracer = new ActivityListener
            {
                ShouldListenTo = source => source.Name == "OnKernel.ApiKeys",
                Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
                ActivityStopped = _ => { },
            };
            ActivitySource.AddActivityListener(_tracer);
        }

        if (Listener is Listening.Metrics or Listening.TracesAndMetrics)
        {
            _meters = new MeterListener
            {
                InstrumentPublished = (instrument, listener) =>
                {
                    if (instrument.Meter.Name == "OnKernel.ApiKeys")
                    {
                        listener.EnableMeasurementEvents(instrument);
                    }
                },
            };
            _meters.SetMeasurementEventCallback<double>((_, _, _, _) => { });
            _meters.SetMeasurementEventCallback<long>((_, _, _, _) => { });
            _meters.Start();
        }

        _client = new KernelClient(new HttpClient(new CannedCreate()), new KernelClientOptions
        {
            ApiKey = "sk_benchmark_0123456789",
            BaseUrl = new Uri("https://api.test/"),
            MaxRetries = 0,
        });
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _client.Dispose();
        _tracer?.Dispose();
        _meters?.Dispose();
    }

    [Benchmark]
    public Task<CreatedApiKey> Create() => _client.ApiKeys.CreateAsync("staging", daysToExpire: 30);

    /// <summary>Answers every request with a created key, without touching a socket.</summary>
    private sealed class CannedCreate : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(new HttpResponseMessage(HttpStatusCode.Created)
            {
                Content = new StringContent(CreatedKeyJson, Encoding.UTF8, "application/json"),
                RequestMessage = request,
            });
    }
}
