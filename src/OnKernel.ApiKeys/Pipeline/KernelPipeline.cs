using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace OnKernel;

/// <summary>
/// Runs one facade call over the generated client: per-attempt timeout, retries with
/// back-off, mapping to the Kernel exception family, logging, traces and metrics
/// (KernelPipeline.Telemetry.cs). Every operation goes through <c>SendAsync</c>,
/// so the rules are the same for all of them.
/// Each round is: attempt (KernelPipeline.Attempt.cs) -> classify the failure
/// (KernelPipeline.Failures.cs) -> judge (<see cref="RetryPolicy"/>) -> wait.
/// </summary>
internal sealed partial class KernelPipeline
{
    private readonly TimeSpan _timeout;
    private readonly RetryPolicy _retryPolicy;
    private readonly SecretRedactor _redactor;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly ClientLifetime _lifetime;
    private readonly Uri? _baseUrl;
    private readonly bool _logs;
#if NET6_0_OR_GREATER
    private readonly SharedDeadlines? _deadlines;
#endif

    public KernelPipeline(TimeSpan timeout, RetryPolicy retryPolicy, SecretRedactor redactor, ILogger? logger, TimeProvider? time = null,
        ClientLifetime? lifetime = null, Uri? baseUrl = null)
    {
        _timeout = timeout;
        _retryPolicy = retryPolicy;
        _redactor = redactor;
        _logger = logger ?? NullLogger.Instance;
        // Without a logger, an attempt that succeeds is not timed and asks no log level (an interface
        // call each); failures still ask, they are rare.
        // Stryker disable once Logical,Boolean,Conditional : timing or asking NullLogger only costs work nobody sees
        _logs = logger is not null and not NullLogger;
        _time = time ?? TimeProvider.System;
        _lifetime = lifetime ?? new ClientLifetime();
#if NET6_0_OR_GREATER
        // The real clock's deadlines are shared by the attempts of a window; a fake clock's are per attempt.
        _deadlines = _time == TimeProvider.System ? new SharedDeadlines(timeout, _lifetime.Token, _time) : null;
#endif
        _baseUrl = baseUrl;
    }

    public Task<KernelResponse<T>> SendAsync<T>(
        KernelOperation operation,
        Func<CancellationToken, Task<ApiKeysClientResponse<T>>> call,
        Func<T, string?>? checkResult,
        CancellationToken cancellationToken) =>
        SendAsync(operation, KernelCall<T>.Of(call), checkResult, cancellationToken);

    public Task<KernelResponse<T>> SendAsync<T>(
        KernelOperation operation,
        KernelCall<T> call,
        Func<T, string?>? checkResult,
        CancellationToken cancellationToken)
    {
        // Nobody listens: no span, no timestamps, no tag lists, not even an extra state machine.
        // Stryker disable once Conditional : unobserved, ObservedCall.Start returns null and the observed path does what the plain one does
        return KernelInstrumentation.IsObserved
            ? SendObservedAsync(operation, call, checkResult, cancellationToken)
            : RunAsync(operation, call, checkResult, ResultShapes<T>.Response, observed: null, cancellationToken);
    }

    /// <summary>
    /// The value alone, for the methods that return nothing else (CreateAsync, GetAsync, ...): no
    /// response object or headers made only to be dropped, and no state machine of the caller's
    /// own to unwrap them. Observed calls take the response path (their span records its status).
    /// </summary>
    public Task<T> SendForValueAsync<T>(
        KernelOperation operation,
        KernelCall<T> call,
        Func<T, string?>? checkResult,
        CancellationToken cancellationToken)
    {
        // Stryker disable once Conditional : unobserved, ObservedCall.Start returns null and the observed path gives the same value
        return KernelInstrumentation.IsObserved
            ? ValueOfAsync(SendObservedAsync(operation, call, checkResult, cancellationToken))
            : RunAsync(operation, call, checkResult, ResultShapes<T>.Value, observed: null, cancellationToken);
    }

    private static async Task<T> ValueOfAsync<T>(Task<KernelResponse<T>> response) => (await response.ConfigureAwait(false)).Value;

    /// <summary>
    /// After a failed attempt (RunAsync, KernelPipeline.Attempt.cs): the failure as the caller
    /// gets it when the policy says not to retry, else the back-off before the next attempt.
    /// </summary>
    private TimeSpan RetryOrThrow(KernelOperation operation, in AttemptFailure failed, int attempt)
    {
        var failure = failed.Exception;
        failure.Attempts = attempt;
        LogFailure(operation, failure, failed.ElapsedMs, attempt);

        var verdict = failed.IsFinal ? default : _retryPolicy.Judge(operation, failed.Observed, retriesSoFar: attempt - 1);
        if (!verdict.Retry)
        {
            if (verdict.OutcomeUnknown)
            {
                throw new KernelOutcomeUnknownException(operation.ToString(), operation.RequestedName, failure) { Attempts = attempt };
            }

            throw failure;
        }

        var delay = _retryPolicy.Delay(attempt - 1, failed.Observed.Headers, _time.GetUtcNow());
        KernelLog.Retrying(_logger, operation.Method, operation.Path, (long)delay.TotalMilliseconds, attempt, failure.Message);
        return delay;
    }

    // The back-off ends early for the caller's cancellation (theirs, unwrapped) and for Dispose.
    private async Task WaitBeforeRetryAsync(KernelOperation operation, TimeSpan delay, CancellationToken cancellationToken)
    {
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _lifetime.Token);
        try
        {
#if NET8_0_OR_GREATER
            await Task.Delay(delay, _time, wait.Token).ConfigureAwait(false);
#else
            await _time.Delay(delay, wait.Token).ConfigureAwait(false);
#endif
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            cancellationToken.ThrowIfCancellationRequested();
            // Stryker disable once Statement : unreachable (the line above throws); the compiler needs it
            throw;
        }
        catch (OperationCanceledException) when (_lifetime.IsDisposed)
        {
            throw ClientLifetime.DisposedInFlight(operation);
        }
    }

    private TResult Succeeded<T, TResult>(KernelOperation operation, T value, int status, IReadOnlyDictionary<string, IEnumerable<string>> headers, AttemptClock clock, int attempt,
        ResultShape<T, TResult> shape)
    {
        // The clock is read only for the log line: most clients log nothing at Information.
        // Stryker disable once Logical : NullLogger, the only logger when _logs is false, is never enabled
        if (_logs && _logger.IsEnabled(LogLevel.Information))
        {
            KernelLog.AttemptSucceeded(_logger, operation.Method, operation.Path, status, clock.ElapsedMilliseconds, attempt);
        }

        return shape(value, status, headers, attempt, _redactor);
    }

    private void LogFailure(KernelOperation operation, OnKernelException failure, long elapsedMs, int attempt)
    {
        if (!_logger.IsEnabled(LogLevel.Information))
        {
            return;
        }

        var status = failure is KernelApiException api ? api.StatusCode.ToString(System.Globalization.CultureInfo.InvariantCulture) : failure.GetType().Name;
        KernelLog.AttemptFailed(_logger, operation.Method, operation.Path, status, elapsedMs, attempt);
    }
}
