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
internal sealed class BoundedContent : HttpContent
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

    public BoundedContent(HttpContent inner, AttemptContext attempt, HttpResponseMessage response)
    {
        _inner = inner;
        _attempt = attempt;
        _response = response;
        ContentHeaders.CopyTo(inner, this);
    }

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => CopyBoundedAsync(stream);

#if NET5_0_OR_GREATER
    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken) => CopyBoundedAsync(stream);
#endif

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
    public async ValueTask<string> ReadAsTextAsync()
    {
        var (buffer, length) = await ReadBoundedAsync().ConfigureAwait(false);
        try
        {
            // The type as it arrived (this wrapper's is a copy of it): parsed at most once.
            return await ResponseText.DecodeAsync(buffer, length, _inner.Headers.ContentType).ConfigureAwait(false);
        }
        finally
        {
            // Stryker disable once Statement : returns the pooled buffer: nothing a caller can see
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private async Task CopyBoundedAsync(Stream target)
    {
        var (buffer, length) = await ReadBoundedAsync().ConfigureAwait(false);
        try
        {
#if NET5_0_OR_GREATER
            await target.WriteAsync(buffer.AsMemory(0, length), _attempt.Token).ConfigureAwait(false);
#else
            await target.WriteAsync(buffer, 0, length, _attempt.Token).ConfigureAwait(false);
#endif
        }
        finally
        {
            // Stryker disable once Statement : returns the pooled buffer: nothing a caller can see
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>The whole body in a pooled buffer (the caller returns it), or the failure that stopped it.</summary>
    // ValueTask: a body that is already in (the usual case) allocates no task.
    private async ValueTask<(byte[] Buffer, int Length)> ReadBoundedAsync()
    {
        var token = _attempt.Token;
        token.ThrowIfCancellationRequested();
        using var source = await _inner.ReadAsStreamAsync().ConfigureAwait(false);

        // Where a stream ignores the token (.NET Framework's handler), closing it is what
        // interrupts a read that is waiting for the next byte.
        using var abort = token.Register(static state => ((IDisposable)state!).Dispose(), source);

        var buffer = ArrayPool<byte>.Shared.Rent(16 * 1024);
        var length = 0;
        try
        {
            while (true)
            {
                if (length == buffer.Length)
                {
                    // Grows up to one byte past the limit: that byte is how an oversized body shows.
                    buffer = Grow(buffer, Math.Min(buffer.Length * 2, MaxBytes + 1));
                }

                int read;
                try
                {
#if NET5_0_OR_GREATER
                    // The Memory overloads return ValueTask: no task per read.
                    read = await source.ReadAsync(buffer.AsMemory(length), token).ConfigureAwait(false);
#else
                    read = await source.ReadAsync(buffer, length, buffer.Length - length, token).ConfigureAwait(false);
#endif
                }
                catch (Exception e) when (e is not OperationCanceledException && token.IsCancellationRequested)
                {
                    throw new OperationCanceledException("The attempt was cancelled while reading the response body.", e, token);
                }

                if (read == 0)
                {
                    return (buffer, length);
                }

                length += read;
                if (length > MaxBytes)
                {
                    // The start of the body, for an error's RawBody (TooLarge ignores it on a 2xx).
                    throw AttemptFailedException.TooLarge(_attempt, _response, buffer.AsSpan(0, PrefixBytes).ToArray());
                }
            }
        }
        catch
        {
            // Stryker disable once Statement : returns the pooled buffer: nothing a caller can see
            ArrayPool<byte>.Shared.Return(buffer);
            throw;
        }
    }

    private static byte[] Grow(byte[] buffer, int size)
    {
        var larger = ArrayPool<byte>.Shared.Rent(size);
        Buffer.BlockCopy(buffer, 0, larger, 0, buffer.Length);
        ArrayPool<byte>.Shared.Return(buffer);
        return larger;
    }
}
