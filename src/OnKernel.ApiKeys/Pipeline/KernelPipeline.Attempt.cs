using System.IO;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace OnKernel;

internal sealed partial class KernelPipeline
{
    /// <summary>What a failed attempt came to, and how the retry policy should see it.</summary>
    private readonly struct AttemptFailure
    {
        public AttemptFailure(OnKernelException exception, RetryPolicy.Failure observed, bool isFinal, long elapsedMs)
        {
            Exception = exception;
            Observed = observed;
            IsFinal = isFinal;
            ElapsedMs = elapsedMs;
        }

        public OnKernelException Exception { get; }

        public RetryPolicy.Failure Observed { get; }

        /// <summary>Never retried, whatever the policy would say (the server acted, or pointed elsewhere).</summary>
        public bool IsFinal { get; }

        public long ElapsedMs { get; }
    }

    /// <summary>
    /// The rounds of one call: an attempt, and after a failure the policy's verdict and the back-off.
    /// Each attempt runs under a deadline that covers connect, headers and body: the token reaches
    /// the generated client, and through <see cref="AttemptContext"/> its body read too. The attempt
    /// is written out here, in the call's own frame, rather than as an async method of its own: one
    /// state machine per call instead of two (what a call costs is mostly such frames).
    /// </summary>
    private async Task<TResult> RunAsync<T, TResult>(
        KernelOperation operation,
        KernelCall<T> call,
        Func<T, string?>? checkResult,
        ResultShape<T, TResult> shape,
        ObservedCall? observed,
        CancellationToken cancellationToken)
    {
        var earlierAttemptMayHaveActed = false;
        for (var attempt = 1; ; attempt++)
        {
            _lifetime.ThrowIfDisposed();
            cancellationToken.ThrowIfCancellationRequested();

            // Timed only for the log lines, so only when there is a logger to write them.
            // Stryker disable once Conditional : the clock reaches only the elapsed milliseconds of log lines (kept survivor: AttemptClock's arithmetic)
            var stopwatch = _logs ? AttemptClock.Start() : default;
            AttemptFailure failed;
#if NET6_0_OR_GREATER
            using (var attemptCancellation = AttemptDeadline.Start(cancellationToken, _lifetime.Token, _timeout, _time, _deadlines))
#else
            using (var attemptCancellation = AttemptDeadline.Start(cancellationToken, _lifetime.Token, _timeout, _time))
#endif
            {
                var context = new AttemptContext(operation, attempt, attemptCancellation.Token, _redactor);
                // Stryker disable once Statement,Conditional : NullLogger, the only logger when _logs is false, writes nothing
                if (_logs)
                {
                    KernelLog.AttemptStarting(_logger, operation.Method, operation.Path, attempt);
                }
                try
                {
                    var response = await context.InvokeWith(call).ConfigureAwait(false);
                    var problem = checkResult?.Invoke(response.Result);
                    if (problem is null)
                    {
                        return Succeeded(operation, response.Result, response.StatusCode, response.Headers, stopwatch, attempt, shape);
                    }

                    failed = Final(InvalidResponse(operation, response.StatusCode, problem, rawBody: null), stopwatch);
                }
                catch (Exception) when (_lifetime.IsDisposed && !cancellationToken.IsCancellationRequested)
                {
                    // Disposed mid-call: whatever broke, it broke because of Dispose. Not a timeout, not retried.
                    throw ClientLifetime.DisposedInFlight(operation);
                }
                catch (AttemptFailedException recognised)
                {
                    failed = new AttemptFailure(recognised.Failure, recognised.Observed, recognised.IsFinal, stopwatch.ElapsedMilliseconds);
                }
                catch (ApiKeysClientException generated) when (generated.StatusCode is >= 200 and <= 299)
                {
                    // A success the generated code did not expect (a 200 where the spec says
                    // 201), or a body it could not read. Either way the server acted: read the
                    // body once more ourselves, and never retry.
                    var (value, problem) = ReadSuccessBody(generated, checkResult);
                    if (problem.Length == 0)
                    {
                        return Succeeded(operation, value!, generated.StatusCode, generated.Headers, stopwatch, attempt, shape);
                    }

                    failed = Final(InvalidResponse(operation, generated.StatusCode, problem, _redactor.Redact(generated.Response)), stopwatch);
                }
                catch (ApiKeysClientException generated) when (generated.StatusCode == 404 && operation.GoneMeansDone && earlierAttemptMayHaveActed)
                {
                    KernelLog.GoneMeansDone(_logger, operation.Method, operation.Path, attempt);
                    return Succeeded(operation, default(T)!, generated.StatusCode, generated.Headers, stopwatch, attempt, shape);
                }
                catch (ApiKeysClientException generated)
                {
                    var api = ApiFailure(generated, operation, context);
                    // Stryker disable once Boolean : with a status, whether the server acted is decided by the status, never by this flag
                    failed = Failed(api, new RetryPolicy.Failure(api.StatusCode, api.Headers, mayHaveReachedServer: true), stopwatch);
                }
                catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
                {
                    // The caller's own cancellation: theirs, unwrapped, with their token.
                    cancellationToken.ThrowIfCancellationRequested();
                    // Stryker disable once Statement : unreachable (the line above throws); the compiler needs it
                    throw;
                }
                catch (OperationCanceledException canceled)
                {
                    var timeout = TimedOut(operation, context, canceled, ourDeadline: attemptCancellation.IsCancellationRequested);
                    failed = Failed(timeout, new RetryPolicy.Failure(null, null, mayHaveReachedServer: !context.CertainlyNotSent), stopwatch);
                }
                catch (HttpRequestException requestFailure)
                {
                    var neverSent = NeverLeft(requestFailure) || context.CertainlyNotSent;
                    failed = Failed(ConnectionFailed(operation, context, requestFailure, neverSent), new RetryPolicy.Failure(null, null, mayHaveReachedServer: !neverSent), stopwatch);
                }
                catch (IOException ioFailure)
                {
                    // The response began but its body broke off (reset, truncated stream).
                    var broke = new KernelConnectionException($"{operation} failed: the connection to {Host(context)} broke while reading the response ({ioFailure.GetType().Name}); {Attempts(attempt)}.");
                    failed = Failed(broke, new RetryPolicy.Failure(null, null, mayHaveReachedServer: true), stopwatch);
                }
            }

            earlierAttemptMayHaveActed |= RetryPolicy.MayHaveActed(failed.Observed);
            var delay = RetryOrThrow(operation, failed, attempt);
            observed?.Retrying(failed.Exception, attempt, delay);
            await WaitBeforeRetryAsync(operation, delay, cancellationToken).ConfigureAwait(false);
        }
    }

    private static AttemptFailure Failed(OnKernelException failure, RetryPolicy.Failure observed, AttemptClock stopwatch) =>
        new(failure, observed, false, stopwatch.ElapsedMilliseconds);

    private static AttemptFailure Final(OnKernelException failure, AttemptClock stopwatch) =>
        // Stryker disable once Boolean : a final failure is never judged for a retry, so the flag is never read
        new(failure, new RetryPolicy.Failure(null, null, mayHaveReachedServer: true), true, stopwatch.ElapsedMilliseconds);
}
