using Microsoft.Extensions.Time.Testing;

namespace OnKernel.ApiKeys.Tests.Pipeline;

/// <summary>
/// The real clock's attempt deadlines, shared by the attempts that start within one window
/// (1/64 of the timeout): every attempt gets its whole timeout and at most 1/64 more. Driven
/// here by a fake clock; the pipeline gives it the real one (the fake-clock pipeline arms a
/// timer per attempt instead, see ClientClockTests).
/// </summary>
public class SharedDeadlinesTests
{
    // 6.4 s: windows of 100 ms.
    private static readonly TimeSpan Timeout = TimeSpan.FromMilliseconds(6400);

    [Test]
    public void Attempts_starting_within_one_window_share_its_source_and_a_later_one_opens_the_next()
    {
        var clock = new FakeTimeProvider();
        var deadlines = new SharedDeadlines(Timeout, CancellationToken.None, clock);

        var first = deadlines.Current();
        clock.Advance(TimeSpan.FromMilliseconds(99));
        var sameWindow = deadlines.Current();
        clock.Advance(TimeSpan.FromMilliseconds(1));
        var nextWindow = deadlines.Current();

        Assert.That(sameWindow, Is.SameAs(first));
        Assert.That(nextWindow, Is.Not.SameAs(first));
        Assert.That(deadlines.Current(), Is.SameAs(nextWindow));
    }

    [Test]
    public void A_window_fires_when_its_last_attempt_has_had_the_whole_timeout_and_not_before()
    {
        var clock = new FakeTimeProvider();
        var deadlines = new SharedDeadlines(Timeout, CancellationToken.None, clock);
        var window = deadlines.Current();
        clock.Advance(TimeSpan.FromMilliseconds(99));
        Assert.That(deadlines.Current(), Is.SameAs(window), "the window's last attempt starts at 99 ms");

        clock.Advance(TimeSpan.FromMilliseconds(6400));
        Assert.That(window.IsCancellationRequested, Is.False, "at 6499 ms the attempt of 99 ms has had 6.4 s; the window closes at 100 ms");

        clock.Advance(TimeSpan.FromMilliseconds(1));
        Assert.That(window.IsCancellationRequested, Is.True, "6.5 s: 6.4 s after the window closed, 1/64 more than the first attempt's timeout");
    }

    [Test]
    public void A_timeout_shorter_than_64_ms_gives_each_moment_a_window_of_its_own()
    {
        var clock = new FakeTimeProvider();
        var deadlines = new SharedDeadlines(TimeSpan.FromMilliseconds(50), CancellationToken.None, clock);

        var first = deadlines.Current();
        clock.Advance(TimeSpan.FromMilliseconds(1));

        Assert.That(deadlines.Current(), Is.Not.SameAs(first));
        clock.Advance(TimeSpan.FromMilliseconds(48));
        Assert.That(first.IsCancellationRequested, Is.False);
        clock.Advance(TimeSpan.FromMilliseconds(1));
        Assert.That(first.IsCancellationRequested, Is.True, "exactly the timeout");
    }

    [Test]
    public void Disposing_the_client_cancels_the_open_windows_and_those_opened_after()
    {
        var clock = new FakeTimeProvider();
        using var lifetime = new CancellationTokenSource();
        var deadlines = new SharedDeadlines(Timeout, lifetime.Token, clock);
        var earlier = deadlines.Current();
        clock.Advance(TimeSpan.FromMilliseconds(100));
        var open = deadlines.Current();

        lifetime.Cancel();
        clock.Advance(TimeSpan.FromMilliseconds(100));

        Assert.That(earlier.IsCancellationRequested, Is.True);
        Assert.That(open.IsCancellationRequested, Is.True);
        Assert.That(deadlines.Current().IsCancellationRequested, Is.True, "a window opened after the disposal starts cancelled");
    }

    [Test]
    public void Two_attempts_opening_a_window_at_once_end_up_sharing_one()
    {
        var clock = new RacingClock();
        var deadlines = new SharedDeadlines(Timeout, CancellationToken.None, clock);
        // While the first opens its window, a second attempt opens one and installs it first.
        clock.WhileArming = () => clock.Raced = deadlines.Current();

        var first = deadlines.Current();

        Assert.That(clock.Raced, Is.Not.Null);
        Assert.That(first, Is.SameAs(clock.Raced), "the window installed first is the one both use");
        Assert.That(deadlines.Current(), Is.SameAs(first));
    }

    private sealed class RacingClock : FakeTimeProvider
    {
        public Action? WhileArming { get; set; }

        public CancellationTokenSource? Raced { get; set; }

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            var race = WhileArming;
            WhileArming = null;
            race?.Invoke();
            return base.CreateTimer(callback, state, dueTime, period);
        }
    }
}
