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

    private async Task CopyBoundedAsync(Stream target)
    {
        var token = _attempt.Token;
        token.ThrowIfCancellationRequested();
        using var source = await _inner.ReadAsStreamAsync().ConfigureAwait(false);

        // Where a stream ignores the token (.NET Framework's handler), closing it is what
        // interrupts a read that is waiting for the next byte.
        using var abort = token.Register(static state => ((IDisposable)state!).Dispose(), source);

        // Only an error's body is ever shown (RawBody), so only an error keeps its start.
        // Stryker disable once Conditional,Equality : the prefix is read only for an oversized error status; keeping one for a 2xx changes nothing seen
        var prefix = (int)_response.StatusCode is >= 200 and <= 299 ? null : new MemoryStream();
        var buffer = ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
            long total = 0;
            while (true)
            {
                int read;
                try
                {
#if NET5_0_OR_GREATER
                    // The Memory overloads return ValueTask: no task per read.
                    read = await source.ReadAsync(buffer.AsMemory(), token).ConfigureAwait(false);
#else
                    read = await source.ReadAsync(buffer, 0, buffer.Length, token).ConfigureAwait(false);
#endif
                }
                catch (Exception e) when (e is not OperationCanceledException && token.IsCancellationRequested)
                {
                    throw new OperationCanceledException("The attempt was cancelled while reading the response body.", e, token);
                }

                if (read == 0)
                {
                    return;
                }

                total += read;
                if (total > MaxBytes)
                {
                    throw AttemptFailedException.TooLarge(_attempt, _response, prefix?.ToArray() ?? Array.Empty<byte>());
                }

                // Stryker disable once Equality : at the limit the write below copies Math.Min(read, 0) = 0 bytes
                if (prefix is not null && prefix.Length < PrefixBytes)
                {
                    // Enough of the body to show on an error; the rest only goes to the target.
                    prefix.Write(buffer, 0, Math.Min(read, PrefixBytes - (int)prefix.Length));
                }

#if NET5_0_OR_GREATER
                await target.WriteAsync(buffer.AsMemory(0, read), token).ConfigureAwait(false);
#else
                await target.WriteAsync(buffer, 0, read, token).ConfigureAwait(false);
#endif
            }
        }
        finally
        {
            // Stryker disable once Statement : returns the pooled buffer: nothing a caller can see
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
