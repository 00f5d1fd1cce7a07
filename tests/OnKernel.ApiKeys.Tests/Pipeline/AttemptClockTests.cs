using System.Diagnostics;

namespace OnKernel.ApiKeys.Tests.Pipeline;

/// <summary>The attempt's clock: read only for the log lines, and not started at all when the client has no logger.</summary>
public class AttemptClockTests
{
    [Test]
    public void A_clock_never_started_reads_zero()
    {
        Assert.That(default(AttemptClock).Elapsed, Is.EqualTo(TimeSpan.Zero));
        Assert.That(default(AttemptClock).ElapsedMilliseconds, Is.Zero);
    }

    [Test]
    public void A_started_clock_reads_the_time_since_it_started()
    {
        var clock = AttemptClock.Start();
        var until = Stopwatch.GetTimestamp() + (Stopwatch.Frequency / 50);
        while (Stopwatch.GetTimestamp() < until)
        {
            Thread.SpinWait(100);
        }

        Assert.That(clock.ElapsedMilliseconds, Is.GreaterThanOrEqualTo(20).And.LessThan(60_000));
        Assert.That(clock.Elapsed, Is.GreaterThanOrEqualTo(TimeSpan.FromMilliseconds(20)));
    }
}
