using System.Diagnostics;
using Microsoft.Extensions.Logging;

namespace OnKernel;

/// <summary>
/// Settings for <see cref="KernelClient"/>. Unset values fall back to the environment
/// (<c>KERNEL_API_KEY</c>, <c>KERNEL_BASE_URL</c>) and then to documented defaults.
/// Values are checked when the client is constructed (or at start-up with dependency
/// injection), never halfway through a call.
/// </summary>
[DebuggerDisplay("{ToString(),nq}")]
public sealed class KernelClientOptions
{
    /// <summary>The default API address, <c>https://api.onkernel.com/</c>.</summary>
    public static readonly Uri DefaultBaseUrl = new("https://api.onkernel.com/");

    /// <summary>The default per-attempt timeout, 60 seconds.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(60);

    /// <summary>The default number of retries after the first attempt, 2.</summary>
    public const int DefaultMaxRetries = 2;

    /// <summary>
    /// The Kernel API key sent as <c>Authorization: Bearer</c>. When null, the
    /// <c>KERNEL_API_KEY</c> environment variable is used. Never shown by
    /// <see cref="ToString"/> or the debugger.
    /// </summary>
    [DebuggerBrowsable(DebuggerBrowsableState.Never)]
    public string? ApiKey { get; set; }

    /// <summary>
    /// The API address. When null, <c>KERNEL_BASE_URL</c> is used, then the
    /// <c>BaseAddress</c> of a caller-owned HttpClient, else <see cref="DefaultBaseUrl"/>.
    /// A BaseAddress that differs from a set BaseUrl (or <c>KERNEL_BASE_URL</c>) is an error
    /// when the client is created. A path prefix is kept whether or not the URL ends
    /// with a slash. Must be https, or http to a loopback host (local mocks).
    /// </summary>
    public Uri? BaseUrl { get; set; }

    /// <summary>
    /// Optional project to scope requests to, sent as the <c>X-Kernel-Project-Id</c> header.
    /// </summary>
    public string? ProjectId { get; set; }

    /// <summary>The timeout of each attempt (default 60 s). The caller's cancellation token covers the whole call.</summary>
    public TimeSpan Timeout { get; set; } = DefaultTimeout;

    /// <summary>How many times a failed request may be retried (default 2). See the README for which failures are retried.</summary>
    public int MaxRetries { get; set; } = DefaultMaxRetries;

    /// <summary>
    /// When true, requests that create a key (create, rotate) are also replayed after
    /// failures whose outcome is unknown (a timeout after sending, a 500/502/504, a reset
    /// mid-response). That can leave duplicate live keys; the default, false, never does.
    /// </summary>
    public bool RetryCreatesWhenOutcomeUnknown { get; set; }

    /// <summary>Optional logger factory for request logging (secrets are always redacted).</summary>
    public ILoggerFactory? LoggerFactory { get; set; }

    /// <summary>
    /// The clock for back-off delays, per-attempt deadlines and <c>Retry-After</c> dates; null
    /// for <see cref="System.TimeProvider.System"/>. A test can pass a fake one (such as
    /// <c>FakeTimeProvider</c>) and advance it, so that its retries happen without waiting.
    /// </summary>
    public TimeProvider? TimeProvider { get; set; }

    /// <summary>A description without the API key.</summary>
    public override string ToString() =>
        $"KernelClientOptions {{ ApiKey = {(ApiKey is null ? "(from KERNEL_API_KEY)" : "[REDACTED]")}, BaseUrl = {BaseUrl?.ToString() ?? "(default)"}, ProjectId = {ProjectId ?? "(none)"}, Timeout = {Timeout}, MaxRetries = {MaxRetries} }}";
}
