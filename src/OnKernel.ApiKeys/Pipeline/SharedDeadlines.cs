#if NET6_0_OR_GREATER
using System.Threading;

namespace OnKernel;

/// <summary>
/// The real-clock deadlines of one client's attempts, shared: every attempt that starts within
/// one window (1/64 of the timeout) gets the same source, cancelled when the window's last
/// attempt reaches its timeout, so each attempt gets its full timeout and at most 1/64 more.
/// One timer per window instead of arming and disarming one per attempt; the client's disposal
/// cancels the open windows too.
/// </summary>
internal sealed class SharedDeadlines
{
    private readonly long _timeoutMs;
    private readonly long _windowMs;
    private readonly CancellationToken _lifetime;
    private readonly TimeProvider _time;
    private Window? _current;

    /// <param name="timeout">The attempt timeout.</param>
    /// <param name="lifetime">The client's lifetime: its disposal cancels every window.</param>
    /// <param name="time">The real clock (the pipeline's only use); tests give a fake one.</param>
    public SharedDeadlines(TimeSpan timeout, CancellationToken lifetime, TimeProvider time)
    {
        _timeoutMs = (long)Math.Ceiling(timeout.TotalMilliseconds);
        _windowMs = _timeoutMs / 64;
        _lifetime = lifetime;
        _time = time;
    }

    /// <summary>A source cancelled no sooner than the timeout from now (and no later than 1/64 of it after), or when the client is disposed.</summary>
    public CancellationTokenSource Current()
    {
        var now = NowMs();
        var window = Volatile.Read(ref _current);
        return window is not null && now < window.ClosesAt ? window.Source : Open(now, window);
    }

    // The real clock's coarse tick: a few nanoseconds, and windows are far longer than its step.
    // Stryker disable once Conditional : both are monotonic millisecond clocks; the tick is only the cheaper read
    private long NowMs() => _time == TimeProvider.System ? Environment.TickCount64 : _time.GetTimestamp() * 1000 / _time.TimestampFrequency;

    private CancellationTokenSource Open(long now, Window? stale)
    {
        var opened = new Window(now + _windowMs, TimeSpan.FromMilliseconds(_timeoutMs + _windowMs), _lifetime, _time);
        var current = Interlocked.CompareExchange(ref _current, opened, stale);
        // Stryker disable once Logical,Equality : which of two windows opened at once is used only decides which timer fires; both give the whole timeout
        if (current == stale || current is null || now >= current.ClosesAt)
        {
            return opened.Source;
        }

        // Another attempt opened a window at the same moment: share it, and drop this one.
        // Stryker disable once Statement : releases the unused window's timer and registration: only memory would show it
        opened.Close();
        return current.Source;
    }

    private sealed class Window
    {
        private readonly CancellationTokenRegistration _lifetime;

        public Window(long closesAt, TimeSpan firesIn, CancellationToken lifetime, TimeProvider time)
        {
            ClosesAt = closesAt;
            // Armed once the window is set up: a client disposed meanwhile cancels it first.
            Source = new CancellationTokenSource(Timeout.InfiniteTimeSpan, time);
            _lifetime = lifetime.UnsafeRegister(static state => ((CancellationTokenSource)state!).Cancel(), Source);
            // Once fired (its deadline, or the disposal), it lets go of the client: nothing else
            // holds a window, and its timer is gone with the firing.
            // Stryker disable once Statement : releases a registration on the client's lifetime: only memory would show it
            Source.Token.UnsafeRegister(static state => ((Window)state!).Release(), this);
            Source.CancelAfter(firesIn);
        }

        public long ClosesAt { get; }

        public CancellationTokenSource Source { get; }

        // Stryker disable all : releases a timer and a registration: only memory would show it
        public void Close()
        {
            Release();
            Source.Dispose();
        }

        // Stryker restore all

        private void Release() => _lifetime.Unregister();
    }
}
#endif
