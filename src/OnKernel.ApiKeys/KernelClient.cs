using System.Net.Http;
using System.Threading;
using Microsoft.Extensions.Logging;

namespace OnKernel;

/// <summary>
/// The entry point to the Kernel API. Create one and reuse it; it is thread-safe.
/// <code>
/// var client = new KernelClient(); // KERNEL_API_KEY, optional KERNEL_BASE_URL
/// CreatedApiKey key = await client.ApiKeys.CreateAsync("staging", daysToExpire: 30);
/// </code>
/// </summary>
public class KernelClient : IDisposable
{
    internal const int MaxConnectionsPerServer = KernelHttpHandler.MaxConnectionsPerServer;

    private readonly HttpClient? _ownedHttpClient;
    private readonly ClientLifetime _lifetime = new();

    /// <summary>Creates a client from the environment: <c>KERNEL_API_KEY</c> and, optionally, <c>KERNEL_BASE_URL</c>.</summary>
    /// <exception cref="ArgumentException">No API key is configured, or a value is invalid.</exception>
    public KernelClient()
        : this(null, new KernelClientOptions(), loggerFactory: null, optionsParamName: null)
    {
    }

    /// <summary>Creates a client that owns its HTTP connections (disposed with the client).</summary>
    /// <exception cref="ArgumentException">An option is invalid; the message says which and how to fix it.</exception>
    public KernelClient(KernelClientOptions options)
        : this(null, options, loggerFactory: null)
    {
    }

    /// <summary>
    /// Creates a client over a caller-owned <see cref="HttpClient"/>, which is never disposed or modified by this client.
    /// Its <see cref="HttpClient.BaseAddress"/>, when set, is used if <see cref="KernelClientOptions.BaseUrl"/> (and
    /// <c>KERNEL_BASE_URL</c>) is not; if both are set they must agree.
    /// </summary>
    /// <exception cref="ArgumentException">An option is invalid, or BaseUrl and the HttpClient's BaseAddress differ; the message says which and how to fix it.</exception>
    public KernelClient(HttpClient httpClient, KernelClientOptions options)
        : this(httpClient ?? throw new ArgumentNullException(nameof(httpClient)), options, loggerFactory: null)
    {
    }

    // optionsParamName: null when the caller passed no options (the parameterless
    // constructor), so an error does not blame a parameter the caller never saw.
    internal KernelClient(HttpClient? httpClient, KernelClientOptions options, ILoggerFactory? loggerFactory, string? optionsParamName = "options")
    {
        if (options is null)
        {
            throw new ArgumentNullException(nameof(options));
        }

        Options = BaseAddressResolution.Resolve(options, httpClient, paramName: optionsParamName);
        loggerFactory = options.LoggerFactory ?? loggerFactory;

        if (httpClient is null)
        {
            _ownedHttpClient = CreateHttpClient();
            httpClient = _ownedHttpClient;
        }

        var redactor = new SecretRedactor(Options.ApiKey);
        var logger = loggerFactory?.CreateLogger("OnKernel.KernelClient");
        var preparer = new KernelRequestPreparer(Options.ApiKey, Options.ProjectId, redactor, logger);
        var generated = new KernelApiKeysClient(httpClient, preparer, Options.BaseUrl);
        ApiKeys = new ApiKeysService(generated, CreatePipeline(Options.Timeout, Options.MaxRetries, Options.RetryCreatesWhenOutcomeUnknown, redactor, loggerFactory, _lifetime, Options.BaseUrl, options.TimeProvider));
    }

    /// <summary>Kernel's API Keys resource.</summary>
    public virtual ApiKeysService ApiKeys { get; }

    /// <summary>The API address requests go to (always ending with '/').</summary>
    public Uri BaseUrl => Options.BaseUrl;

    internal ResolvedKernelOptions Options { get; }

    /// <summary>
    /// Releases the connections this client opened itself (never a caller's HttpClient). Calls in flight end
    /// promptly with <see cref="ObjectDisposedException"/>, and so does every later call.
    /// </summary>
    public void Dispose()
    {
        Dispose(true);
        // Stryker disable once Statement : the class has no finalizer
        GC.SuppressFinalize(this);
    }

    /// <summary>Releases the connections this client opened itself.</summary>
    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            // First end the calls in flight (so they report the disposal, not a broken pool).
            _lifetime.Dispose();
            _ownedHttpClient?.Dispose();
        }
    }

    /// <summary>A description without secrets.</summary>
    public override string ToString() => $"KernelClient {{ BaseUrl = {BaseUrl} }}";

    internal static KernelPipeline CreatePipeline(TimeSpan timeout, int maxRetries, bool retryCreates, SecretRedactor redactor, ILoggerFactory? loggerFactory,
        ClientLifetime? lifetime = null, Uri? baseUrl = null, TimeProvider? time = null) =>
        new(timeout, new RetryPolicy(maxRetries, retryCreates), redactor, loggerFactory?.CreateLogger("OnKernel.KernelClient"), time, lifetime, baseUrl);

    // The pipeline enforces the per-attempt timeout; HttpClient's own would double-count.
    private static HttpClient CreateHttpClient() =>
        new(KernelHttpHandler.Create(), disposeHandler: true) { Timeout = Timeout.InfiniteTimeSpan };
}
