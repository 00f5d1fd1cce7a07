using System.Net.Http;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using Newtonsoft.Json;

namespace OnKernel;

// Turning what an attempt threw into the Kernel exception family, with messages that say
// where the request went and how many attempts were made.
internal sealed partial class KernelPipeline
{
    // A success status with a body that breaks the contract: the server acted, so this is
    // never retried (for a create, the key most likely exists).
    private static KernelInvalidResponseException InvalidResponse(KernelOperation operation, int status, string problem, string? rawBody) =>
        new($"{operation} answered {status}, but the body is not the {operation.ResultName} the API promises: {ServerText.AsSentence(problem)}", status, rawBody);

    private KernelApiException ApiFailure(ApiKeysClientException generated, KernelOperation operation, AttemptContext context)
    {
        var api = KernelErrorMapper.FromGenerated(generated, operation, _redactor, _time.GetUtcNow());
        if (api.StatusCode == 404 && api.ErrorCode is null)
        {
            // A 404 without Kernel's error body usually means the request went to the wrong place.
            api.Reword($"{api.Message.TrimEnd('.')} from {Host(context)} for {operation}; {Attempts(context.Attempt)}. Is BaseUrl ({_baseUrl?.ToString() ?? Host(context)}) the Kernel API?");
        }

        // Stryker disable once Logical : RawBody is never null here (an empty body is ""), and the log call checks the level itself
        if (_logger.IsEnabled(LogLevel.Trace) && api.RawBody is not null)
        {
            KernelLog.ErrorBody(_logger, operation.Method, operation.Path, api.RawBody);
        }

        return api;
    }

    private KernelTimeoutException TimedOut(KernelOperation operation, AttemptContext context, OperationCanceledException canceled, bool ourDeadline)
    {
        // Our per-attempt timeout, or the Timeout of a caller's own HttpClient.
        var limit = ourDeadline ? $"after {_timeout.TotalSeconds:0.###} s" : "(the HttpClient's own Timeout)";
        var phase = context.CertainlyNotSent ? $" before the request was sent (no connection to {Host(context)} became available)" : "";
        return new KernelTimeoutException($"{operation} timed out {limit}{phase} (attempt {context.Attempt}).", canceled.InnerException as TimeoutException);
    }

    private static KernelConnectionException ConnectionFailed(KernelOperation operation, AttemptContext context, HttpRequestException failure, bool neverSent)
    {
        var what = neverSent ? $"could not connect to {Host(context)}"
            : context.ResponseArrived ? $"the connection to {Host(context)} broke while reading the response"
            : $"the connection to {Host(context)} failed before a response arrived";
        return new KernelConnectionException($"{operation} failed: {what} ({Describe(failure)}); {Attempts(context.Attempt)}.");
    }

    private static string Host(AttemptContext context) => context.SentTo?.Authority ?? "the server";

    private static string Attempts(int attempts) => attempts == 1 ? "1 attempt" : $"{attempts} attempts";

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
