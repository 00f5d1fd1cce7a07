using System.IO;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace OnKernel;

internal sealed partial class KernelPipeline
{
    /// <summary>What one attempt came to: a result (the response, or its value alone), or a failure and how the retry policy should see it.</summary>
    private readonly struct AttemptOutcome<TResult>
    {
        public AttemptOutcome(bool succeeded, TResult result, OnKernelException? failure, RetryPolicy.Failure observed, bool isFinal, long elapsedMs)
        {
            Succeeded = succeeded;
            Result = result;
            Failure = failure;
            Observed = observed;
            IsFinal = isFinal;
            ElapsedMs = elapsedMs;
        }

        public bool Succeeded { get; }

        /// <summary>What the caller gets when <see cref="Succeeded"/> (a value may be null: a delete's 404 after an earlier attempt).</summary>
        public TResult Result { get; }

        public OnKernelException? Failure { get; }

        public RetryPolicy.Failure Observed { get; }

        /// <summary>Never retried, whatever the policy would say (the server acted, or pointed elsewhere).</summary>
        public bool IsFinal { get; }

        public long ElapsedMs { get; }
    }

    /// <summary>
    /// One attempt under a deadline that covers connect, headers and body: the token reaches
    /// the generated client, and through <see cref="AttemptContext"/> its body read too.
    /// </summary>
    // ValueTask: an attempt that completes without waiting (a cached or in-memory answer) allocates no task.
    private async ValueTask<AttemptOutcome<TResult>> AttemptAsync<T, TResult>(KernelOperation operation, KernelCall<T> call,
        Func<T, string?>? checkResult, ResultShape<T, TResult> shape, int attempt, bool earlierAttemptMayHaveActed, CancellationToken cancellationToken)
    {
        // Timed only for the log lines, so only when there is a logger to write them.
        var stopwatch = _timesAttempts ? AttemptClock.Start() : default;
#if NET6_0_OR_GREATER
        using var attemptCancellation = AttemptDeadline.Start(cancellationToken, _lifetime.Token, _timeout, _time, _deadlines);
#else
        using var attemptCancellation = AttemptDeadline.Start(cancellationToken, _lifetime.Token, _timeout, _time);
#endif
        var context = new AttemptContext(operation, attempt, attemptCancellation.Token, _redactor);
        AttemptContext.Current = context;
        KernelLog.AttemptStarting(_logger, operation.Method, operation.Path, attempt);
        try
        {
            var response = await call.Invoke(attemptCancellation.Token).ConfigureAwait(false);
            var problem = checkResult?.Invoke(response.Result);
            return problem is null
                ? Success(Succeeded(operation, response.Result, response.StatusCode, response.Headers, stopwatch, attempt, shape))
                : Final<TResult>(InvalidResponse(operation, response.StatusCode, problem, rawBody: null), stopwatch);
        }
        catch (Exception) when (_lifetime.IsDisposed && !cancellationToken.IsCancellationRequested)
        {
            // Disposed mid-call: whatever broke, it broke because of Dispose. Not a timeout, not retried.
            throw ClientLifetime.DisposedInFlight(operation);
        }
        catch (AttemptFailedException recognised)
        {
            return new AttemptOutcome<TResult>(false, default!, recognised.Failure, recognised.Observed, recognised.IsFinal, stopwatch.ElapsedMilliseconds);
        }
        catch (ApiKeysClientException generated) when (generated.StatusCode is >= 200 and <= 299)
        {
            // A success the generated code did not expect (a 200 where the spec says
            // 201), or a body it could not read. Either way the server acted: read the
            // body once more ourselves, and never retry.
            var (value, problem) = ReadSuccessBody(generated, checkResult);
            return problem.Length == 0
                ? Success(Succeeded(operation, value!, generated.StatusCode, generated.Headers, stopwatch, attempt, shape))
                : Final<TResult>(InvalidResponse(operation, generated.StatusCode, problem, _redactor.Redact(generated.Response)), stopwatch);
        }
        catch (ApiKeysClientException generated) when (generated.StatusCode == 404 && operation.GoneMeansDone && earlierAttemptMayHaveActed)
        {
            KernelLog.GoneMeansDone(_logger, operation.Method, operation.Path, attempt);
            return Success(Succeeded(operation, default(T)!, generated.StatusCode, generated.Headers, stopwatch, attempt, shape));
        }
        catch (ApiKeysClientException generated)
        {
            var api = ApiFailure(generated, operation, context);
            // Stryker disable once Boolean : with a status, whether the server acted is decided by the status, never by this flag
            return Failed<TResult>(api, new RetryPolicy.Failure(api.StatusCode, api.Headers, mayHaveReachedServer: true), stopwatch);
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
            return Failed<TResult>(timeout, new RetryPolicy.Failure(null, null, mayHaveReachedServer: !context.CertainlyNotSent), stopwatch);
        }
        catch (HttpRequestException requestFailure)
        {
            var neverSent = NeverLeft(requestFailure) || context.CertainlyNotSent;
            return Failed<TResult>(ConnectionFailed(operation, context, requestFailure, neverSent), new RetryPolicy.Failure(null, null, mayHaveReachedServer: !neverSent), stopwatch);
        }
        catch (IOException ioFailure)
        {
            // The response began but its body broke off (reset, truncated stream).
            var broke = new KernelConnectionException($"{operation} failed: the connection to {Host(context)} broke while reading the response ({ioFailure.GetType().Name}); {Attempts(attempt)}.");
            return Failed<TResult>(broke, new RetryPolicy.Failure(null, null, mayHaveReachedServer: true), stopwatch);
        }
        // Stryker disable once Block : an AsyncLocal set in an async method never flows back to its caller; this only tidies
        finally
        {
            AttemptContext.Current = null;
        }
    }

    // Stryker disable once Boolean : a success returns before anything reads whether it is final
    private static AttemptOutcome<TResult> Success<TResult>(TResult result) => new(true, result, null, default, false, 0);

    private static AttemptOutcome<TResult> Failed<TResult>(OnKernelException failure, RetryPolicy.Failure observed, AttemptClock stopwatch) =>
        new(false, default!, failure, observed, false, stopwatch.ElapsedMilliseconds);

    private static AttemptOutcome<TResult> Final<TResult>(OnKernelException failure, AttemptClock stopwatch) =>
        // Stryker disable once Boolean : a final failure is never judged for a retry, so the flag is never read
        new(false, default!, failure, new RetryPolicy.Failure(null, null, mayHaveReachedServer: true), true, stopwatch.ElapsedMilliseconds);
}
