using System.IO;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace OnKernel;

/// <summary>
/// A request's JSON body, sent as <c>Content-Type: application/json</c> (the generator host puts
/// it where NSwag made a StringContent, which set text/plain, and then parsed application/json
/// over it on every request). It reports to its attempt when the handler starts reading it,
/// which SendTrackingContent does for any other content by wrapping it: one content and one
/// header collection per request instead of two, and no header copy.
/// </summary>
// Never buffered by this library (the request log reads Text instead): a buffered content is
// written from its buffer, without the calls below, and would not report its send.
internal sealed class JsonRequestContent : HttpContent
{
    private readonly byte[] _utf8;
    private AttemptContext? _attempt;

    public JsonRequestContent(string json)
    {
        _utf8 = Encoding.UTF8.GetBytes(json);
        Headers.TryAddWithoutValidation("Content-Type", "application/json");
    }

    /// <summary>The body as text, for the request log, without buffering the content.</summary>
    public string Text => Encoding.UTF8.GetString(_utf8);

    /// <summary>The attempt to tell when the body starts going out (set by AttemptContext.OnSending).</summary>
    public void TrackFor(AttemptContext attempt) => _attempt = attempt;

    // Every way of reading the body (CopyTo, ReadAs*, a read stream) comes through one of these.
    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context)
    {
        _attempt?.MarkBodyStarted();
        return stream.WriteAsync(_utf8, 0, _utf8.Length);
    }

#if NET5_0_OR_GREATER
    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        _attempt?.MarkBodyStarted();
        return stream.WriteAsync(_utf8, 0, _utf8.Length, cancellationToken);
    }

    protected override void SerializeToStream(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        _attempt?.MarkBodyStarted();
        stream.Write(_utf8, 0, _utf8.Length);
    }
#endif

    protected override bool TryComputeLength(out long length)
    {
        length = _utf8.Length;
        return true;
    }
}
