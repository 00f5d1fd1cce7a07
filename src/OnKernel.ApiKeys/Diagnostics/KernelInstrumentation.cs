using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace OnKernel;

/// <summary>
/// The one <see cref="ActivitySource"/> and one <see cref="Meter"/> of the package, and the
/// attribute names it records. Static, as the .NET guidance advises for a library without
/// dependency injection of its own: creating a source or meter per client would register
/// a new one with every listener each time.
/// </summary>
internal static class KernelInstrumentation
{
    /// <summary>
    /// The bucket boundaries OpenTelemetry's semantic conventions recommend for
    /// <c>http.client.request.duration</c>, in seconds: without this advice the SDK's default
    /// buckets (0, 5, 10... 10000) suit milliseconds and would put nearly every call in one bucket.
    /// </summary>
    public static readonly double[] DurationBuckets = [0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10];

    public static readonly ActivitySource Source = new(KernelTelemetry.SourceName, PackageInfo.Version);

    public static readonly Meter Meter = new(KernelTelemetry.MeterName, PackageInfo.Version);

    /// <summary>Each SDK call, from the first attempt to the answer or the exception, back-off included.</summary>
    public static readonly Histogram<double> Duration = Meter.CreateHistogram(
        "kernel.client.operation.duration", unit: "s", description: "Duration of Kernel API calls made through the SDK, all attempts and back-off included.",
        tags: null, advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = DurationBuckets });

    /// <summary>Each retry (a second or later attempt), with why the attempt before it failed.</summary>
    public static readonly Counter<long> Retries = Meter.CreateCounter<long>(
        "kernel.client.operation.retries", unit: "{retry}", description: "Retries of Kernel API calls, by the reason the previous attempt failed.");

    // OpenTelemetry semantic conventions (HTTP client, general).
    public const string HttpRequestMethod = "http.request.method";
    public const string UrlTemplate = "url.template";
    public const string ServerAddress = "server.address";
    public const string ServerPort = "server.port";
    public const string HttpResponseStatusCode = "http.response.status_code";
    public const string ErrorType = "error.type";
    public const string ResendCount = "http.request.resend_count";

    // Kernel's own, under kernel.
    public const string OperationName = "kernel.operation.name";
    public const string OutcomeUnknown = "kernel.outcome_unknown";
    public const string ErrorCode = "kernel.error.code";
    public const string PageLimit = "kernel.page.limit";
    public const string PageOffset = "kernel.page.offset";
    public const string RetryReason = "kernel.retry.reason";
    public const string RetryAttempt = "kernel.retry.attempt";
    public const string RetryDelay = "kernel.retry.delay_ms";
    public const string RetryEvent = "kernel.retry";

    /// <summary>True when anyone listens to either: the pipeline skips all telemetry work otherwise.</summary>
    public static bool IsObserved => Source.HasListeners() || Duration.Enabled || Retries.Enabled;
}
