using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace OnKernel;

/// <summary>
/// Runs one facade call over the generated client: per-attempt timeout, retries with
/// back-off, mapping to the Kernel exception family, and logging. Every operation goes
/// through <see cref="SendAsync{T}"/>, so the rules are the same for all of them.
/// Each round is: attempt (KernelPipeline.Attempt.cs) -> classify the failure
/// (KernelPipeline.Failures.cs) -> judge (<see cref="RetryPolicy"/>) -> wait.
/// </summary>
internal sealed partial class KernelPipeline
{
    private readonly TimeSpan _timeout;
    private readonly RetryPolicy _retryPolicy;
    private readonly SecretRedactor _redactor;
    private readonly ILogger _logger;
    private readonly Func<TimeSpan, CancellationToken, Task> _delay;
    private readonly ClientLifetime _lifetime;
    private readonly Uri? _baseUrl;

    public KernelPipeline(TimeSpan timeout, RetryPolicy retryPolicy, SecretRedactor redactor, ILogger? logger, Func<TimeSpan, CancellationToken, Task>? delay = null,
        ClientLifetime? lifetime = null, Uri? baseUrl = null)
    {
        _timeout = timeout;
        _retryPolicy = retryPolicy;
        _redactor = redactor;
        _logger = logger ?? NullLogger.Instance;
        _delay = delay ?? Task.Delay;
        _lifetime = lifetime ?? new ClientLifetime();
        _baseUrl = baseUrl;
    }

    public async Task<KernelResponse<T>> SendAsync<T>(
        KernelOperation operation,
        Func<CancellationToken, Task<ApiKeysClientResponse<T>>> call,
        Func<T, string?>? checkResult,
        CancellationToken cancellationToken)
    {
        var earlierAttemptMayHaveActed = false;
        for (var attempt = 1; ; attempt++)
        {
            _lifetime.ThrowIfDisposed();
            cancellationToken.ThrowIfCancellationRequested();

            var outcome = await AttemptAsync(operation, call, checkResult, attempt, earlierAttemptMayHaveActed, cancellationToken).ConfigureAwait(false);
            if (outcome.Response is not null)
            {
                return outcome.Response;
            }

            var failure = outcome.Failure!;
            failure.Attempts = attempt;
            LogFailure(operation, failure, outcome.ElapsedMs, attempt);
            earlierAttemptMayHaveActed |= RetryPolicy.MayHaveActed(outcome.Observed);

            var verdict = outcome.IsFinal ? default : _retryPolicy.Judge(operation, outcome.Observed, retriesSoFar: attempt - 1);
            if (!verdict.Retry)
            {
                if (verdict.OutcomeUnknown)
                {
                    throw new KernelOutcomeUnknownException(operation.ToString(), operation.RequestedName, failure) { Attempts = attempt };
                }

                throw failure;
            }

            var delay = _retryPolicy.Delay(attempt - 1, outcome.Observed.Headers, DateTimeOffset.UtcNow);
            _logger.LogWarning("Kernel {Method} {Path}: retrying in {DelayMs} ms after attempt {Attempt} failed: {Reason}",
                operation.Method, operation.Path, (long)delay.TotalMilliseconds, attempt, failure.Message);
            await WaitBeforeRetryAsync(operation, delay, cancellationToken).ConfigureAwait(false);
        }
    }

    // The back-off ends early for the caller's cancellation (theirs, unwrapped) and for Dispose.
    private async Task WaitBeforeRetryAsync(KernelOperation operation, TimeSpan delay, CancellationToken cancellationToken)
    {
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _lifetime.Token);
        try
        {
            await _delay(delay, wait.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            cancellationToken.ThrowIfCancellationRequested();
            throw;
        }
        catch (OperationCanceledException) when (_lifetime.IsDisposed)
        {
            throw ClientLifetime.DisposedInFlight(operation);
        }
    }

    private KernelResponse<T> Succeeded<T>(KernelOperation operation, T value, int status, IReadOnlyDictionary<string, IEnumerable<string>> headers, long elapsedMs, int attempt)
    {
        if (_logger.IsEnabled(LogLevel.Information))
        {
            _logger.LogInformation("Kernel {Method} {Path} -> {Status} in {ElapsedMs} ms (attempt {Attempt})",
                operation.Method, operation.Path, status, elapsedMs, attempt);
        }

        // Response headers can echo a secret back: redacted on success too (when read).
        return new KernelResponse<T>(value, status, KernelHeaders.Redacted(headers, _redactor), attempt);
    }

    private void LogFailure(KernelOperation operation, OnKernelException failure, long elapsedMs, int attempt)
    {
        var status = failure is KernelApiException api ? api.StatusCode.ToString(System.Globalization.CultureInfo.InvariantCulture) : failure.GetType().Name;
        _logger.LogInformation("Kernel {Method} {Path} -> {Status} in {ElapsedMs} ms (attempt {Attempt})",
            operation.Method, operation.Path, status, elapsedMs, attempt);
    }
}
