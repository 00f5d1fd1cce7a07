using System.Net.Http.Headers;

namespace OnKernel.TestSupport;

/// <summary>A request as it left the client: what tests assert on. The body is read once, when sent.</summary>
internal sealed record RecordedHttpRequest(HttpMethod Method, Uri Uri, string? Body, HttpRequestHeaders Headers, MediaTypeHeaderValue? ContentType)
{
    public AuthenticationHeaderValue? Authorization => Headers.Authorization;

    public string Url => Uri.AbsoluteUri;
}

/// <summary>
/// The one request recorder of the test projects: a handler in front of whatever answers
/// (MockHttp, Prism, the fake) that keeps every request the client really sent, in order.
/// Linked into every test project.
/// </summary>
internal sealed class RequestRecorder : DelegatingHandler
{
    private readonly List<RecordedHttpRequest> _requests = new();

    public RequestRecorder(HttpMessageHandler? inner = null)
    {
        if (inner is not null)
        {
            InnerHandler = inner;
        }
    }

    public IReadOnlyList<RecordedHttpRequest> Requests
    {
        get
        {
            lock (_requests)
            {
                return _requests.ToList();
            }
        }
    }

    public int Count
    {
        get
        {
            lock (_requests)
            {
                return _requests.Count;
            }
        }
    }

    public RecordedHttpRequest? Last
    {
        get
        {
            lock (_requests)
            {
                return _requests.Count == 0 ? null : _requests[^1];
            }
        }
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        lock (_requests)
        {
            _requests.Add(new RecordedHttpRequest(request.Method, request.RequestUri!, body, request.Headers, request.Content?.Headers.ContentType));
        }

        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }
}
