using System.Threading;

namespace OnKernel;

/// <summary>
/// One attempt's token: cancelled by the caller's token, by the client's disposal, or when
/// the attempt's timeout passes. On .NET 6+ the source behind it is reused by a later attempt
/// when this one ended without cancellation (the common case), instead of a new linked source
/// and timer per attempt; a cancelled source is never reused.
/// </summary>
internal readonly struct AttemptDeadline : IDisposable
{
#if NET6_0_OR_GREATER
    // One spare per thread: no lock, and a source returned on another thread than it was
    // taken on simply becomes that thread's spare.
    [ThreadStatic]
    private static CancellationTokenSource? _spare;

    private readonly CancellationTokenRegistration _caller;
    private readonly CancellationTokenRegistration _lifetime;
#endif
    private readonly CancellationTokenSource _source;
    private readonly ITimer? _timer;

    private AttemptDeadline(CancellationToken caller, CancellationToken lifetime, TimeSpan timeout, TimeProvider time)
    {
#if NET6_0_OR_GREATER
        // Stryker disable once NullCoalescing : reuse only: a new source behaves the same
        _source = _spare ?? new CancellationTokenSource();
        _spare = null;
        _caller = caller.UnsafeRegister(static state => ((CancellationTokenSource)state!).Cancel(), _source);
        _lifetime = lifetime.UnsafeRegister(static state => ((CancellationTokenSource)state!).Cancel(), _source);
#else
        _source = CancellationTokenSource.CreateLinkedTokenSource(caller, lifetime);
#endif
        // The deadline runs on the client's clock: CancelAfter on the real one (no extra
        // timer), a TimeProvider timer otherwise, so a test's fake clock drives it too.
        if (time == TimeProvider.System)
        {
            _timer = null;
            _source.CancelAfter(timeout);
        }
        else
        {
            _timer = time.CreateTimer(static state => CancelQuietly((CancellationTokenSource)state!), _source, timeout, Timeout.InfiniteTimeSpan);
        }
    }

    public CancellationToken Token => _source.Token;

    /// <summary>True once the attempt was cancelled for any of its reasons.</summary>
    public bool IsCancellationRequested => _source.IsCancellationRequested;

    public static AttemptDeadline Start(CancellationToken caller, CancellationToken lifetime, TimeSpan timeout, TimeProvider time) => new(caller, lifetime, timeout, time);

    public void Dispose()
    {
        // The fake-clock timer goes first: it must not cancel a source that is reused.
        _timer?.Dispose();
#if NET6_0_OR_GREATER
        // Unhook first, so that neither token can cancel the source once it is reused.
        _caller.Dispose();
        _lifetime.Dispose();
        if (_source.TryReset())
        {
            _spare = _source;
            return;
        }
#endif
        // Stryker disable once Statement : disposal of a source nobody uses again: nothing a caller can see
        _source.Dispose();
    }

    private static void CancelQuietly(CancellationTokenSource source)
    {
        try
        {
            source.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // The attempt ended as the deadline fired: nothing left to cancel.
        }
    }
}
