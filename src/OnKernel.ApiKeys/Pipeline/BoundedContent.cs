using System.Buffers;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace OnKernel;

/// <summary>
/// A response body read under the attempt's token and capped at <see cref="MaxBytes"/>.
/// The generated client buffers the body as a string; below .NET 5 it does so without a
/// token, so a body trickling in would outlive every deadline, and an endless one would
/// fill memory. Reading through this content bounds both on every target framework.
/// </summary>
internal sealed partial class BoundedContent : HttpContent
{
    /// <summary>
    /// 1 MiB: the largest legitimate answer (a page of 100 keys) is about 50 KiB, so no
    /// real response comes near it.
    /// </summary>
    public const int MaxBytes = 1024 * 1024;

    // RawBody keeps 4 KiB, redacted before it is cut: the extra bytes make sure a secret that
    // crosses the 4 KiB mark is still whole when redaction runs (keys are far shorter).
    private const int PrefixBytes = KernelApiException.RawBodyLimit + 1024;

    private readonly HttpContent _inner;
    private readonly AttemptContext _attempt;
    private readonly HttpResponseMessage _response;
    private int _headersCopied;

    public BoundedContent(HttpContent inner, AttemptContext attempt, HttpResponseMessage response)
    {
        _inner = inner;
        _attempt = attempt;
        _response = response;
    }

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => CopyBoundedAsync(stream);

#if NET5_0_OR_GREATER
    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken) => CopyBoundedAsync(stream);
#endif

    /// <summary>
    /// The content headers of the body that arrived, copied onto this wrapper the first time a
    /// reader can need them: HttpContent's own reads (the charset of ReadAsStringAsync, read once
    /// the body is buffered) and the headers of a too-large answer. The parsed-response path reads
    /// the type from the content that arrived and never needs the copy, so most calls skip it.
    /// </summary>
    private void CopyHeadersOnce()
    {
        if (Interlocked.Exchange(ref _headersCopied, 1) == 0)
        {
            ContentHeaders.CopyTo(_inner, this);
        }
    }

    protected override bool TryComputeLength(out long length)
    {
        length = 0;
        return false;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _inner.Dispose();
        }

        base.Dispose(disposing);
    }

    /// <summary>
    /// The body as text, read straight from the content that arrived: the parsed-response path
    /// (KernelApiKeysClient), without the buffer stream and second copy that
    /// <see cref="HttpContent.ReadAsStringAsync()"/> on this wrapper goes through.
    /// </summary>
    public ValueTask<string> ReadAsTextAsync()
    {
        // A body that is already in, in UTF-8 (the usual case), is decoded without a state machine.
        var reading = ReadBoundedAsync();
        // Stryker disable once all : a fast path only: the awaiting path decodes the same bytes
        if (reading.IsCompletedSuccessfully)
        {
            var (buffer, length) = reading.Result;
            return DecodeAndReturn(buffer, length);
        }

        return ReadAsTextSlowAsync(reading);
    }

    private async ValueTask<string> ReadAsTextSlowAsync(ValueTask<(byte[] Buffer, int Length)> reading)
    {
        var (buffer, length) = await reading.ConfigureAwait(false);
        return await DecodeAndReturn(buffer, length).ConfigureAwait(false);
    }

    // The type as it arrived (this wrapper's copy is made only when needed): parsed at most once.
    private ValueTask<string> DecodeAndReturn(byte[] buffer, int length)
    {
        ValueTask<string> decoding;
        try
        {
            decoding = ResponseText.DecodeAsync(buffer, length, _inner.Headers.ContentType);
        }
        catch
        {
            // Stryker disable once Statement : returns the pooled buffer: nothing a caller can see
            ArrayPool<byte>.Shared.Return(buffer);
            throw;
        }

        // Stryker disable once all : both return the buffer once decoding is done; HttpContent decodes a buffer at once anyway
        if (decoding.IsCompleted)
        {
            // Stryker disable once Statement : returns the pooled buffer: nothing a caller can see
            ArrayPool<byte>.Shared.Return(buffer);
            return decoding;
        }

        return new ValueTask<string>(ReturnAfterAsync(decoding, buffer));
    }

    private static async Task<string> ReturnAfterAsync(ValueTask<string> decoding, byte[] buffer)
    {
        try
        {
            return await decoding.ConfigureAwait(false);
        }
        finally
        {
            // Stryker disable once Statement : returns the pooled buffer: nothing a caller can see
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private async Task CopyBoundedAsync(Stream target)
    {
        CopyHeadersOnce();
        var (buffer, length) = await ReadBoundedAsync().ConfigureAwait(false);
        try
        {
#if NET5_0_OR_GREATER
            await target.WriteAsync(buffer.AsMemory(0, length), _attempt.Token).ConfigureAwait(false);
#else
            await target.WriteAsync(buffer, 0, length, _attempt.Token).ConfigureAwait(false);
#endif
        }
        // Stryker disable once Block,Statement : returns the pooled buffer: nothing a caller can see
        finally
        {
            // Stryker disable once Statement : returns the pooled buffer: nothing a caller can see
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
