using System.IO;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace OnKernel;

/// <summary>
/// Wraps a request body to record when the handler starts writing it, which happens only
/// once a connection is ready: until then, nothing of the request can have reached a server.
/// </summary>
internal sealed class SendTrackingContent : HttpContent
{
    private readonly HttpContent _inner;
    private readonly AttemptContext _attempt;

    public SendTrackingContent(HttpContent inner, AttemptContext attempt)
    {
        _inner = inner;
        _attempt = attempt;
        // The length is answered by TryComputeLength; copying it would duplicate it.
        // Stryker disable once String : the copied Content-Length has the value TryComputeLength reports anyway
        ContentHeaders.CopyTo(inner, this, except: "Content-Length");
    }

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context)
    {
        _attempt.MarkBodyStarted();
        return _inner.CopyToAsync(stream);
    }

#if NET5_0_OR_GREATER
    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        _attempt.MarkBodyStarted();
        return _inner.CopyToAsync(stream, cancellationToken);
    }
#endif

    protected override bool TryComputeLength(out long length)
    {
        var known = _inner.Headers.ContentLength;
        length = known ?? 0;
        return known.HasValue;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _inner.Dispose();
        }

        base.Dispose(disposing);
    }
}
