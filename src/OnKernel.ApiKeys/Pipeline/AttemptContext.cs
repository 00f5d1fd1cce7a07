using System.Net.Http;
using System.Threading;

namespace OnKernel;

/// <summary>
/// One attempt as the transport sees it. The pipeline sets <see cref="Current"/> around the
/// generated client's call; the generated client's hooks (PrepareRequest, ProcessResponse)
/// use it to note when the request body starts going out, to refuse redirects, and to read
/// the response body under the attempt's deadline and size limit.
/// </summary>
internal sealed class AttemptContext
{
    // AsyncLocal: concurrent calls on one client each see their own attempt.
    private static readonly AsyncLocal<AttemptContext?> CurrentAttempt = new();

    private int _bodyStarted;

    public AttemptContext(KernelOperation operation, int attempt, CancellationToken token, SecretRedactor redactor)
    {
        Operation = operation;
        Attempt = attempt;
        Token = token;
        Redactor = redactor;
    }

    public static AttemptContext? Current
    {
        get => CurrentAttempt.Value;
        set => CurrentAttempt.Value = value;
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
