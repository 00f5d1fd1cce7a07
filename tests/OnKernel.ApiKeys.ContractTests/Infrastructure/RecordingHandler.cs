using System.Net.Http.Headers;

namespace OnKernel.ApiKeys.ContractTests.Infrastructure;

/// <summary>
/// Counts the requests that actually leave the client and keeps the last one's headers:
/// proof that a rejected argument sent nothing, and a view of what an accepted one sent.
/// </summary>
internal sealed class RecordingHandler : DelegatingHandler
{
    private int _count;

    public int Count => Volatile.Read(ref _count);

    public AuthenticationHeaderValue? LastAuthorization { get; private set; }

    public MediaTypeHeaderValue? LastContentType { get; private set; }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _count);
        LastAuthorization = request.Headers.Authorization;
        LastContentType = request.Content?.Headers.ContentType;
        return base.SendAsync(request, cancellationToken);
    }
}
