using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace OnKernel;

/// <summary>
/// One attempt as the transport sees it. The pipeline hands it to the generated client's call
/// (<see cref="InvokeWith"/>), whose hooks (ApiKeysClient.PrepareAttemptRequest and
/// ProcessAttemptResponse) use it to note when the request body starts going out, to refuse
/// redirects, and to read the response body under the attempt's deadline and size limit.
/// </summary>
internal sealed class AttemptContext
{
    // The hand-over from the pipeline to the generated call it is starting, on the calling thread:
    // the call takes it before its first await and keeps it in a local (the generator host's
    // TransportRewrites), so concurrent calls, even on one thread, each see their own attempt.
    // (An AsyncLocal did the same with an ExecutionContext made per attempt.)
    [ThreadStatic]
    private static AttemptContext? _handedOver;

    private int _bodyStarted;

    public AttemptContext(KernelOperation operation, int attempt, CancellationToken token, SecretRedactor redactor)
    {
        Operation = operation;
        Attempt = attempt;
        Token = token;
        Redactor = redactor;
    }

    /// <summary>
    /// Starts <paramref name="call"/> with this attempt handed over: whatever the generated call
    /// takes before it first waits (<see cref="TakeHandedOver"/>) is this attempt. Once it returns
    /// the thread holds what it held before: nothing for a later call, and, should this call have
    /// been started from inside another's start (a caller's logger, say), that call's own attempt.
    /// </summary>
    public Task<ApiKeysClientResponse<T>> InvokeWith<T>(KernelCall<T> call)
    {
        var enclosing = _handedOver;
        _handedOver = this;
        try
        {
            return call.Invoke(Token);
        }
        finally
        {
            _handedOver = enclosing;
        }
    }

    /// <summary>The attempt whose call is starting on this thread, if any (null for a generated client used on its own).</summary>
    public static AttemptContext? TakeHandedOver()
    {
        var attempt = _handedOver;
        _handedOver = null;
        return attempt;
    }

    public KernelOperation Operation { get; }

    public int Attempt { get; }

    /// <summary>The attempt's deadline, the caller's token and the client's lifetime, linked.</summary>
    public CancellationToken Token { get; }

    public SecretRedactor Redactor { get; }

    /// <summary>The address the request was sent to, before any handler could follow a redirect.</summary>
    public Uri? SentTo { get; private set; }

    public bool RequestHasBody { get; private set; }

    /// <summary>True once the handler began writing the request body to a connection.</summary>
    public bool BodyStarted => Volatile.Read(ref _bodyStarted) == 1;

    /// <summary>
    /// A request with a body whose body never started out cannot have been acted on: the
    /// handler writes the body only once it holds a connection (a server cannot create a
    /// key from headers alone). This is how a connect that never completes is told apart.
    /// </summary>
    public bool CertainlyNotSent => RequestHasBody && !BodyStarted;

    public void MarkBodyStarted() => Volatile.Write(ref _bodyStarted, 1);

    public void OnSending(HttpRequestMessage request)
    {
        SentTo = request.RequestUri;
        if (request.Content is JsonRequestContent json)
        {
            // The generated client's own body type reports itself: no wrapper needed.
            RequestHasBody = true;
            json.TrackFor(this);
        }
        else if (request.Content is not null)
        {
            RequestHasBody = true;
            request.Content = new SendTrackingContent(request.Content, this);
        }
    }

    /// <summary>True once response headers arrived: a failure after that broke the body, not the request.</summary>
    public bool ResponseArrived { get; private set; }

    public void OnResponse(HttpResponseMessage response)
    {
        ResponseArrived = true;
        RedirectGuard.ThrowIfRedirected(this, response);
        if (response.Content is not null)
        {
            response.Content = new BoundedContent(response.Content, this, response);
        }
    }
}
