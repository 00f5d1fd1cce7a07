using System.Diagnostics;

namespace OnKernel;

/// <summary>How long an attempt has taken: a timestamp, where a <see cref="Stopwatch"/> would be one more object per attempt.</summary>
internal readonly struct AttemptClock
{
    private readonly long _started;

    private AttemptClock(long started) => _started = started;

    public static AttemptClock Start() => new(Stopwatch.GetTimestamp());

    /// <summary>Zero for a clock never started (default): only a log line reads it, and without a logger the clock is not read at all.</summary>
    public TimeSpan Elapsed => _started == 0
        ? TimeSpan.Zero
        : TimeSpan.FromTicks((long)((Stopwatch.GetTimestamp() - _started) * ((double)TimeSpan.TicksPerSecond / Stopwatch.Frequency)));

    public long ElapsedMilliseconds => (long)Elapsed.TotalMilliseconds;
}
