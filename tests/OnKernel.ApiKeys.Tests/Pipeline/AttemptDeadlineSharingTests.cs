using Microsoft.Extensions.Time.Testing;

namespace OnKernel.ApiKeys.Tests.Pipeline;

/// <summary>
/// An attempt's token over the client's shared deadline windows (SharedDeadlines, driven here by
/// a fake clock): the window's own token when the caller cannot cancel, a source of the attempt's
/// own, cancelled by either, when it can.
/// </summary>
public class AttemptDeadlineSharingTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMilliseconds(6400);

    private static AttemptDeadline Start(SharedDeadlines deadlines, CancellationToken caller = default) =>
        AttemptDeadline.Start(caller, CancellationToken.None, Timeout, TimeProvider.System, deadlines);

    [Test]
    public void An_attempt_the_caller_cannot_cancel_uses_the_window_and_ending_it_leaves_the_window_armed()
    {
        var clock = new FakeTimeProvider();
        var deadlines = new SharedDeadlines(Timeout, CancellationToken.None, clock);
        CancellationToken first;
        using (var attempt = Start(deadlines))
        {
            first = attempt.Token;
        }

        using (var again = Start(deadlines))
        {
            Assert.That(again.Token, Is.EqualTo(first));
        }

        Assert.That(first, Is.EqualTo(deadlines.Current().Token), "the window's own token");
        clock.Advance(Timeout + TimeSpan.FromMilliseconds(100));
        Assert.That(first.IsCancellationRequested, Is.True, "the ended attempts neither disarmed nor took the window");
    }

    [Test]
    public void An_attempt_the_caller_can_cancel_ends_at_the_windows_deadline()
    {
        var clock = new FakeTimeProvider();
        var deadlines = new SharedDeadlines(Timeout, CancellationToken.None, clock);
        using var caller = new CancellationTokenSource();
        using var attempt = Start(deadlines, caller.Token);

        Assert.That(attempt.Token, Is.Not.EqualTo(deadlines.Current().Token), "a source of its own");
        clock.Advance(Timeout + TimeSpan.FromMilliseconds(99));
        Assert.That(attempt.IsCancellationRequested, Is.False);
        clock.Advance(TimeSpan.FromMilliseconds(1));
        Assert.That(attempt.IsCancellationRequested, Is.True);
        Assert.That(caller.IsCancellationRequested, Is.False);
    }

    [Test]
    public void An_attempt_the_caller_can_cancel_ends_when_the_caller_cancels_and_the_window_goes_on()
    {
        var clock = new FakeTimeProvider();
        var deadlines = new SharedDeadlines(Timeout, CancellationToken.None, clock);
        using var caller = new CancellationTokenSource();
        using var attempt = Start(deadlines, caller.Token);

        caller.Cancel();

        Assert.That(attempt.IsCancellationRequested, Is.True);
        Assert.That(deadlines.Current().IsCancellationRequested, Is.False);
    }

    [Test]
    public void A_callers_token_cancelled_after_its_attempt_ended_cancels_no_later_attempt()
    {
        var deadlines = new SharedDeadlines(Timeout, CancellationToken.None, new FakeTimeProvider());
        using var earlier = new CancellationTokenSource();
        using var later = new CancellationTokenSource();
        using (Start(deadlines, earlier.Token))
        {
        }

        // Same thread: the ended attempt's source is this one's.
        using var attempt = Start(deadlines, later.Token);
        earlier.Cancel();

        Assert.That(attempt.IsCancellationRequested, Is.False);
    }

    [Test]
    public void A_source_its_caller_cancelled_is_never_given_to_the_next_attempt()
    {
        var deadlines = new SharedDeadlines(Timeout, CancellationToken.None, new FakeTimeProvider());
        using var cancelled = new CancellationTokenSource();
        using var next = new CancellationTokenSource();
        var first = Start(deadlines, cancelled.Token);
        cancelled.Cancel();
        first.Dispose();

        using var attempt = Start(deadlines, next.Token);

        Assert.That(attempt.IsCancellationRequested, Is.False);
    }
}
