using System.Threading;

namespace OnKernel;

/// <summary>
/// One attempt's token: cancelled by the caller's token, by the client's disposal, or when
/// the attempt's timeout passes. On .NET 6+ with the real clock the deadline is the client's
/// SharedDeadlines window, and an attempt whose caller cannot cancel uses it as it
/// is (no source, timer or registration of its own); a caller's token adds a source of the
/// attempt's own, reused by a later attempt when this one ended without cancellation (a
/// cancelled source is never reused). A fake clock gets a timer per attempt on that clock.
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
    private readonly bool _shared;
#endif
    private readonly CancellationTokenSource _source;
    private readonly ITimer? _timer;

#if NET6_0_OR_GREATER
    private AttemptDeadline(CancellationToken caller, CancellationToken lifetime, TimeSpan timeout, TimeProvider time, SharedDeadlines? deadlines)
    {
        var window = deadlines?.Current();
        if (window is not null && !caller.CanBeCanceled)
        {
            // Nothing but the deadline and the disposal can end this attempt: both are the window's.
            _shared = true;
            _source = window;
            _timer = null;
            return;
        }

        _source = TakeSpare();
        _caller = caller.UnsafeRegister(static state => ((CancellationTokenSource)state!).Cancel(), _source);
        // A window's token carries both the deadline and the client's disposal.
        _lifetime = (window?.Token ?? lifetime).UnsafeRegister(static state => ((CancellationTokenSource)state!).Cancel(), _source);
        if (window is not null)
        {
            _timer = null;
            return;
        }

#else
    private AttemptDeadline(CancellationToken caller, CancellationToken lifetime, TimeSpan timeout, TimeProvider time)
    {
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

#if NET6_0_OR_GREATER
    public static AttemptDeadline Start(CancellationToken caller, CancellationToken lifetime, TimeSpan timeout, TimeProvider time, SharedDeadlines? deadlines = null) =>
        new(caller, lifetime, timeout, time, deadlines);
#else
    public static AttemptDeadline Start(CancellationToken caller, CancellationToken lifetime, TimeSpan timeout, TimeProvider time) =>
        new(caller, lifetime, timeout, time);
#endif

    public void Dispose()
    {
#if NET6_0_OR_GREATER
        if (_shared)
        {
            // The window is the client's: it ends on its own deadline.
            return;
        }
#endif
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

#if NET6_0_OR_GREATER
    private static CancellationTokenSource TakeSpare()
    {
        // Stryker disable once NullCoalescing : reuse only: a new source behaves the same
        var source = _spare ?? new CancellationTokenSource();
        _spare = null;
        return source;
    }
#endif

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
