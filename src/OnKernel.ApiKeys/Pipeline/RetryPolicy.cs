namespace OnKernel;

/// <summary>
/// Which failures are retried and after how long. The rules follow Kernel's official SDKs
/// (connection failures, timeouts, 408, 409, 429, 5xx; <c>x-should-retry</c> overrides;
/// server-given delays win) with one change: a request that creates a key is replayed only
/// when the server cannot have acted on it, unless the caller opted in to duplicates.
/// </summary>
internal sealed class RetryPolicy
{
    private static readonly TimeSpan InitialDelay = TimeSpan.FromSeconds(0.5);
    private static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(8);
    private static readonly TimeSpan MaxServerDelay = TimeSpan.FromSeconds(60);

    private readonly Func<double> _random;

    public RetryPolicy(int maxRetries, bool retryCreatesWhenOutcomeUnknown, Func<double>? random = null)
    {
        MaxRetries = maxRetries;
        RetryCreatesWhenOutcomeUnknown = retryCreatesWhenOutcomeUnknown;
        _random = random ?? SharedRandom.NextDouble;
    }

    public int MaxRetries { get; }

    public bool RetryCreatesWhenOutcomeUnknown { get; }

    /// <summary>A failure as the pipeline saw it.</summary>
    // Status is null when no response arrived; MayHaveReachedServer is false only when
    // the request certainly never left (e.g. connection refused).
    public readonly struct Failure
    {
        public Failure(int? status, KernelHeaders? headers, bool mayHaveReachedServer)
        {
            Status = status;
            Headers = headers;
            MayHaveReachedServer = mayHaveReachedServer;
        }

        public int? Status { get; }

        public KernelHeaders? Headers { get; }

        public bool MayHaveReachedServer { get; }
    }

    /// <summary>The verdict on one failure.</summary>
    public readonly struct Verdict
    {
        public Verdict(bool retry, bool outcomeUnknown)
        {
            Retry = retry;
            OutcomeUnknown = outcomeUnknown;
        }

        public bool Retry { get; }

        public bool OutcomeUnknown { get; }
    }

    public Verdict Judge(KernelOperation operation, Failure failure, int retriesSoFar)
    {
        var outcomeUnknown = operation.CreatesKey && MayHaveActed(failure);
        if (retriesSoFar >= MaxRetries)
        {
            return new Verdict(false, outcomeUnknown);
        }

        var shouldRetryHeader = failure.Headers?.GetFirst("x-should-retry")?.Trim();
        bool retryable;
        if (string.Equals(shouldRetryHeader, "true", StringComparison.OrdinalIgnoreCase))
        {
            // The server says a replay is safe: that settles it, for creates too.
            // Stryker disable once Boolean : OutcomeUnknown is read only when the verdict is not to retry
            return new Verdict(true, false);
        }
        else if (string.Equals(shouldRetryHeader, "false", StringComparison.OrdinalIgnoreCase))
        {
            retryable = false;
        }
        else
        {
            retryable = failure.Status is not int status || IsRetryableStatus(status);
        }

        if (!retryable)
        {
            return new Verdict(false, outcomeUnknown);
        }

        if (outcomeUnknown && !RetryCreatesWhenOutcomeUnknown)
        {
            return new Verdict(false, true);
        }

        return new Verdict(true, false);
    }

    /// <summary>The delay before retry number <paramref name="retryIndex"/> (0-based).</summary>
    public TimeSpan Delay(int retryIndex, KernelHeaders? headers, DateTimeOffset now)
    {
        if (headers is not null)
        {
            var serverDelay = RetryAfterHeader.Parse(headers, now);
            if (serverDelay is TimeSpan given && given >= TimeSpan.Zero && given <= MaxServerDelay)
            {
                return given;
            }
        }

        var backoff = Math.Min(InitialDelay.TotalSeconds * Math.Pow(2, retryIndex), MaxDelay.TotalSeconds);
        var jitter = 1 - (0.25 * _random());
        return TimeSpan.FromSeconds(backoff * jitter);
    }

    internal static bool IsRetryableStatus(int status) => status is 408 or 409 or 429 || status >= 500;

    /// <summary>
    /// Could the server have carried the request out? Not when it never arrived, and not
    /// when the answer says it was refused (408 timed out reading it, 409 conflict, 429
    /// rate limit, 503 not accepting work). A 500/502/504, a timeout or a broken
    /// response leave it open.
    /// </summary>
    internal static bool MayHaveActed(Failure failure) => failure.Status switch
    {
        null => failure.MayHaveReachedServer,
        // Stryker disable once Logical : 408, 409 and 429 are below 500, so the fallback arm also says false
        408 or 409 or 429 or 503 => false,
        int status => status >= 500,
    };

    private static class SharedRandom
    {
        private static readonly object Gate = new();
        private static readonly Random Random = new();

        public static double NextDouble()
        {
            lock (Gate)
            {
                return Random.NextDouble();
            }
        }
    }
}
