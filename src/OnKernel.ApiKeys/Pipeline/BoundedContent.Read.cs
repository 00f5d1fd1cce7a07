using System.Buffers;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
#if NET5_0_OR_GREATER
using PendingRead = System.Threading.Tasks.ValueTask<int>;
#else
using PendingRead = System.Threading.Tasks.Task<int>;
#endif

namespace OnKernel;

// The bounded read itself: the whole body into one pooled buffer, under the attempt's token and
// the size limit, without a state machine for as long as every read completes at once.
internal sealed partial class BoundedContent
{
    /// <summary>The whole body in a pooled buffer (the caller returns it), or the failure that stopped it.</summary>
    /// <remarks>
    /// Reads without a state machine for as long as every read completes at once (a body that is
    /// already in: the usual case, and every in-memory answer); the first read that has to wait
    /// hands the stream and buffer to <see cref="ContinueAsync"/>.
    /// </remarks>
    private ValueTask<(byte[] Buffer, int Length)> ReadBoundedAsync()
    {
        _attempt.Token.ThrowIfCancellationRequested();
        var opening = _inner.ReadAsStreamAsync();
        // Stryker disable once Conditional,Equality : a fast path only: awaiting a completed open gives the same stream
        return opening.Status == TaskStatus.RanToCompletion ? ReadFrom(opening.Result) : OpenThenReadAsync(opening);
    }

    private async ValueTask<(byte[] Buffer, int Length)> OpenThenReadAsync(Task<Stream> opening) =>
        await ReadFrom(await opening.ConfigureAwait(false)).ConfigureAwait(false);

    private ValueTask<(byte[] Buffer, int Length)> ReadFrom(Stream source)
    {
        var token = _attempt.Token;
        Stream? owned = source;
        byte[]? buffer = ArrayPool<byte>.Shared.Rent(16 * 1024);
        var length = 0;
        try
        {
            while (true)
            {
                buffer = GrowWhenFull(buffer, length);
                var reading = StartRead(source, buffer, length, token);
                if (!reading.IsCompleted)
                {
                    // From here on the continuation owns the stream and the buffer.
                    var rest = ContinueAsync(source, buffer, length, reading, token);
                    owned = null;
                    buffer = null;
                    return rest;
                }

                var read = Completed(reading, token);
                if (read == 0)
                {
                    var whole = buffer;
                    buffer = null;
                    return new ValueTask<(byte[] Buffer, int Length)>((whole, length));
                }

                length += read;
                ThrowIfTooLarge(buffer, length);
            }
        }
        finally
        {
            // Stryker disable once Block,Statement : returns the pooled buffer: nothing a caller can see
            if (buffer is not null)
            {
                // Stryker disable once Statement : returns the pooled buffer: nothing a caller can see
                ArrayPool<byte>.Shared.Return(buffer);
            }

            owned?.Dispose();
        }
    }

    // A read had to wait. Where a stream ignores the token (.NET Framework's handler), closing it
    // is what interrupts a read that is waiting for the next byte.
    private async ValueTask<(byte[] Buffer, int Length)> ContinueAsync(Stream source, byte[] buffer, int length, PendingRead reading, CancellationToken token)
    {
        using var owned = source;
        using var abort = token.Register(static state => ((IDisposable)state!).Dispose(), source);
        try
        {
            while (true)
            {
                int read;
                try
                {
                    read = await reading.ConfigureAwait(false);
                }
                catch (Exception e) when (e is not OperationCanceledException && token.IsCancellationRequested)
                {
                    throw Cancelled(e, token);
                }

                if (read == 0)
                {
                    return (buffer, length);
                }

                length += read;
                ThrowIfTooLarge(buffer, length);
                buffer = GrowWhenFull(buffer, length);
                reading = StartRead(source, buffer, length, token);
            }
        }
        catch
        {
            // Stryker disable once Statement : returns the pooled buffer: nothing a caller can see
            ArrayPool<byte>.Shared.Return(buffer);
            throw;
        }
    }

#if NET5_0_OR_GREATER
    // The Memory overloads return ValueTask: no task per read.
    private static PendingRead StartRead(Stream source, byte[] buffer, int length, CancellationToken token)
    {
        try
        {
            return source.ReadAsync(buffer.AsMemory(length), token);
        }
        catch (Exception e) when (e is not OperationCanceledException && token.IsCancellationRequested)
        {
            // A stream may fail the read before it returns a task (one closed under it, say).
            throw Cancelled(e, token);
        }
    }
#else
    private static PendingRead StartRead(Stream source, byte[] buffer, int length, CancellationToken token)
    {
        try
        {
            return source.ReadAsync(buffer, length, buffer.Length - length, token);
        }
        catch (Exception e) when (e is not OperationCanceledException && token.IsCancellationRequested)
        {
            // A stream may fail the read before it returns a task (one closed under it, say).
            throw Cancelled(e, token);
        }
    }
#endif

    private static int Completed(PendingRead reading, CancellationToken token)
    {
        try
        {
#if NET5_0_OR_GREATER
            return reading.Result;
#else
            return reading.GetAwaiter().GetResult();
#endif
        }
        catch (Exception e) when (e is not OperationCanceledException && token.IsCancellationRequested)
        {
            throw Cancelled(e, token);
        }
    }

    private static OperationCanceledException Cancelled(Exception e, CancellationToken token) =>
        new("The attempt was cancelled while reading the response body.", e, token);

    // Grows up to one byte past the limit: that byte is how an oversized body shows.
    // Stryker disable once Conditional,Linq : growing sooner or further reads the same bytes to the same limit (pooled memory only)
    private static byte[] GrowWhenFull(byte[] buffer, int length) =>
        length == buffer.Length ? Grow(buffer, Math.Min(buffer.Length * 2, MaxBytes + 1)) : buffer;

    private void ThrowIfTooLarge(byte[] buffer, int length)
    {
        if (length > MaxBytes)
        {
            // The start of the body, for an error's RawBody (TooLarge ignores it on a 2xx).
            CopyHeadersOnce();
            throw AttemptFailedException.TooLarge(_attempt, _response, buffer.AsSpan(0, PrefixBytes).ToArray());
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
