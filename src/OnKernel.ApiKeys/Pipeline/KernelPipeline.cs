using System.Diagnostics;
using System.IO;
using System.Net.Http;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Newtonsoft.Json;

namespace OnKernel;

/// <summary>
/// Runs one facade call over the generated client: per-attempt timeout, retries with
/// back-off, mapping to the Kernel exception family, and logging. Every operation goes
/// through <see cref="SendAsync{T}"/>, so the rules are the same for all of them.
/// </summary>
internal sealed class KernelPipeline
{
    private readonly TimeSpan _timeout;
    private readonly RetryPolicy _retryPolicy;
    private readonly SecretRedactor _redactor;
    private readonly ILogger _logger;
    private readonly Func<TimeSpan, CancellationToken, Task> _delay;

    public KernelPipeline(TimeSpan timeout, RetryPolicy retryPolicy, SecretRedactor redactor, ILogger? logger, Func<TimeSpan, CancellationToken, Task>? delay = null)
    {
        _timeout = timeout;
        _retryPolicy = retryPolicy;
        _redactor = redactor;
        _logger = logger ?? NullLogger.Instance;
        _delay = delay ?? Task.Delay;
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
            cancellationToken.ThrowIfCancellationRequested();
            var stopwatch = Stopwatch.StartNew();
            OnKernelException failure;
            RetryPolicy.Failure observed;

            using (var attemptCancellation = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
            {
                attemptCancellation.CancelAfter(_timeout);
                _logger.LogDebug("Kernel {Method} {Path}: attempt {Attempt}", operation.Method, operation.Path, attempt);
                try
                {
                    var response = await call(attemptCancellation.Token).ConfigureAwait(false);
                    var problem = checkResult?.Invoke(response.Result);
                    if (problem is not null)
                    {
                        throw InvalidResponse(operation, response.StatusCode, problem, rawBody: null, stopwatch, attempt);
                    }

                    return Succeeded(operation, response.Result, response.StatusCode, response.Headers, stopwatch, attempt);
                }
                catch (ApiKeysClientException generated) when (generated.StatusCode is >= 200 and <= 299)
                {
                    // A success the generated code did not expect (a 200 where the spec says
                    // 201), or a body it could not read. Either way the server acted: read the
                    // body once more ourselves, and never retry.
                    var (value, problem) = ReadSuccessBody(generated, checkResult);
                    if (problem.Length > 0)
                    {
                        throw InvalidResponse(operation, generated.StatusCode, problem, _redactor.Redact(generated.Response), stopwatch, attempt);
                    }

                    return Succeeded(operation, value!, generated.StatusCode, generated.Headers, stopwatch, attempt);
                }
                catch (ApiKeysClientException generated) when (generated.StatusCode == 404 && operation.GoneMeansDone && earlierAttemptMayHaveActed)
                {
                    _logger.LogInformation("Kernel {Method} {Path}: 404 on attempt {Attempt} means done by an earlier attempt whose answer was lost",
                        operation.Method, operation.Path, attempt);
                    return Succeeded(operation, default(T)!, generated.StatusCode, generated.Headers, stopwatch, attempt);
                }
                catch (ApiKeysClientException generated)
                {
                    var api = KernelErrorMapper.FromGenerated(generated, operation, _redactor);
                    failure = api;
                    observed = new RetryPolicy.Failure(api.StatusCode, api.Headers, mayHaveReachedServer: true);
                    if (_logger.IsEnabled(LogLevel.Trace) && api.RawBody is not null)
                    {
                        _logger.LogTrace("Kernel {Method} {Path} error body: {Body}", operation.Method, operation.Path, api.RawBody);
                    }
                }
                catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
                {
                    // The caller's own cancellation: theirs, unwrapped, with their token.
                    cancellationToken.ThrowIfCancellationRequested();
                    throw;
                }
                catch (OperationCanceledException canceled)
                {
                    // Our per-attempt timeout, or the Timeout of a caller's own HttpClient.
                    var limit = attemptCancellation.IsCancellationRequested ? $"after {_timeout.TotalSeconds:0.###} s" : "(the HttpClient's own Timeout)";
                    failure = new KernelTimeoutException($"{operation} timed out {limit} (attempt {attempt}).", canceled.InnerException as TimeoutException);
                    observed = new RetryPolicy.Failure(null, null, mayHaveReachedServer: true);
                }
                catch (HttpRequestException requestFailure)
                {
                    var neverSent = NeverLeft(requestFailure);
                    failure = new KernelConnectionException(
                        $"{operation} failed: {(neverSent ? "could not connect" : "the connection failed before a response arrived")} ({Describe(requestFailure)}).");
                    observed = new RetryPolicy.Failure(null, null, mayHaveReachedServer: !neverSent);
                }
                catch (IOException ioFailure)
                {
                    // The response began but its body broke off (reset, truncated stream).
                    failure = new KernelConnectionException($"{operation} failed: the connection broke while reading the response ({ioFailure.GetType().Name}).");
                    observed = new RetryPolicy.Failure(null, null, mayHaveReachedServer: true);
                }
            }

            failure.Attempts = attempt;
            LogFailure(operation, failure, stopwatch, attempt);
            earlierAttemptMayHaveActed |= RetryPolicy.MayHaveActed(observed);

            var verdict = _retryPolicy.Judge(operation, observed, retriesSoFar: attempt - 1);
            if (!verdict.Retry)
            {
                if (verdict.OutcomeUnknown)
                {
                    throw new KernelOutcomeUnknownException(operation.ToString(), operation.RequestedName, failure) { Attempts = attempt };
                }

                throw failure;
            }

            var delay = _retryPolicy.Delay(attempt - 1, observed.Headers, DateTimeOffset.UtcNow);
            _logger.LogWarning("Kernel {Method} {Path}: retrying in {DelayMs} ms after attempt {Attempt} failed: {Reason}",
                operation.Method, operation.Path, (long)delay.TotalMilliseconds, attempt, failure.Message);
            await _delay(delay, cancellationToken).ConfigureAwait(false);
        }
    }

    private KernelResponse<T> Succeeded<T>(KernelOperation operation, T value, int status, IReadOnlyDictionary<string, IEnumerable<string>> headers, Stopwatch stopwatch, int attempt)
    {
        _logger.LogInformation("Kernel {Method} {Path} -> {Status} in {ElapsedMs} ms (attempt {Attempt})",
            operation.Method, operation.Path, status, stopwatch.ElapsedMilliseconds, attempt);
        return new KernelResponse<T>(value, status, KernelHeaders.From(_redactor.RedactHeaders(headers)), attempt);
    }

    // A success status with a body that breaks the contract: the server acted, so this is
    // never retried (for a create, the key most likely exists).
    private KernelInvalidResponseException InvalidResponse(KernelOperation operation, int status, string problem, string? rawBody, Stopwatch stopwatch, int attempt)
    {
        var failure = new KernelInvalidResponseException(
            $"{operation} answered {status}, but the body is not the {operation.ResultName} the API promises: {problem}", status, rawBody) { Attempts = attempt };
        LogFailure(operation, failure, stopwatch, attempt);
        return failure;
    }

    private (T? Value, string Problem) ReadSuccessBody<T>(ApiKeysClientException generated, Func<T, string?>? checkResult)
    {
        if (typeof(T) == typeof(NoContent))
        {
            // A bodiless operation answered with another 2xx (a 200 where the spec says 204).
            return (default(T)!, "");
        }

        if (string.IsNullOrWhiteSpace(generated.Response))
        {
            return (default, "the body was empty");
        }

        try
        {
            var value = JsonConvert.DeserializeObject<T>(generated.Response!);
            if (value is null)
            {
                return (default, "the body was null");
            }

            var problem = checkResult?.Invoke(value);
            return problem is null ? (value, "") : (default, problem);
        }
        catch (JsonException json)
        {
            // Newtonsoft's messages name the JSON path and position, not values; redact anyway.
            return (default, _redactor.Redact(json.Message)!);
        }
    }

    private void LogFailure(KernelOperation operation, OnKernelException failure, Stopwatch stopwatch, int attempt)
    {
        var status = failure is KernelApiException api ? api.StatusCode.ToString(System.Globalization.CultureInfo.InvariantCulture) : failure.GetType().Name;
        _logger.LogInformation("Kernel {Method} {Path} -> {Status} in {ElapsedMs} ms (attempt {Attempt})",
            operation.Method, operation.Path, status, stopwatch.ElapsedMilliseconds, attempt);
    }

    /// <summary>True when the request certainly never reached the server (nothing was sent).</summary>
    private static bool NeverLeft(HttpRequestException failure)
    {
#if NET8_0_OR_GREATER
        if (failure.HttpRequestError is HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError or HttpRequestError.SecureConnectionError or HttpRequestError.ProxyTunnelError)
        {
            return true;
        }
#endif
        for (Exception? inner = failure; inner is not null; inner = inner.InnerException)
        {
            if (inner is SocketException socket && socket.SocketErrorCode is SocketError.ConnectionRefused or SocketError.HostNotFound or SocketError.HostUnreachable or SocketError.NetworkUnreachable or SocketError.TryAgain or SocketError.NoData)
            {
                return true;
            }
        }

        return false;
    }

    // Only exception types and socket codes: their messages can repeat a URL or header.
    private static string Describe(HttpRequestException failure)
    {
        for (Exception? inner = failure; inner is not null; inner = inner.InnerException)
        {
            if (inner is SocketException socket)
            {
                return socket.SocketErrorCode.ToString();
            }
        }

#if NET8_0_OR_GREATER
        return failure.HttpRequestError.ToString();
#else
        return failure.InnerException?.GetType().Name ?? nameof(HttpRequestException);
#endif
    }
}
