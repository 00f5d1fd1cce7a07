using System.Threading;

namespace OnKernel;

/// <summary>
/// Whether the owning <see cref="KernelClient"/> was disposed, as a token every attempt and
/// back-off listens to: disposing ends calls in flight at once instead of leaving them to
/// time out (and be retried) against a closed connection pool.
/// </summary>
internal sealed class ClientLifetime : IDisposable
{
    // Never disposed itself: Cancel is all Dispose needs, and Token must stay readable.
    private readonly CancellationTokenSource _disposed = new();

    public CancellationToken Token => _disposed.Token;

    public bool IsDisposed => _disposed.IsCancellationRequested;

    public void ThrowIfDisposed()
    {
        if (IsDisposed)
        {
            throw new ObjectDisposedException(nameof(KernelClient), "The KernelClient was disposed; create a new one to send requests.");
        }
    }

    /// <summary>For a call that was running when the client was disposed.</summary>
    public static ObjectDisposedException DisposedInFlight(KernelOperation operation) =>
        new(nameof(KernelClient), $"The KernelClient was disposed while {operation} was in flight; the call was abandoned (a create or rotate may still have taken effect).");

    public void Dispose() => _disposed.Cancel();
}
