using System.Globalization;

namespace OnKernel;

/// <summary>
/// Reads a server-given delay: <c>retry-after-ms</c> (milliseconds) first, then
/// <c>Retry-After</c> (seconds or an HTTP date). A value outside 0 to
/// <see cref="MaxDelay"/> is ignored (null): a server that asks for a negative wait or
/// for years is broken, and a caller must get the typed exception, never an
/// <see cref="OverflowException"/> from converting the number.
/// </summary>
internal static class RetryAfterHeader
{
    /// <summary>The longest delay taken from a header; anything longer is treated as nonsense.</summary>
    public static readonly TimeSpan MaxDelay = TimeSpan.FromDays(1);

    public static TimeSpan? Parse(KernelHeaders headers, DateTimeOffset now)
    {
        var ms = headers.GetFirst("retry-after-ms");
        if (ms is not null && TryParseNumber(ms, out var milliseconds))
        {
            return Bounded(milliseconds);
        }

        var value = headers.GetFirst("Retry-After")?.Trim();
        if (value is null)
        {
            return null;
        }

        if (TryParseNumber(value, out var seconds))
        {
            return Bounded(seconds * 1000);
        }

        if (DateTimeOffset.TryParseExact(value, "r", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date))
        {
            // Compared in milliseconds as doubles: the difference of two extreme dates fits a
            // TimeSpan, but checking before converting keeps every path the same.
            return Bounded((date.UtcDateTime - now.UtcDateTime).TotalMilliseconds);
        }

        return null;
    }

    private static bool TryParseNumber(string text, out double number) =>
        double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out number) && !double.IsNaN(number) && !double.IsInfinity(number);

    // The range check happens on the double, before TimeSpan sees it, so no size overflows.
    private static TimeSpan? Bounded(double milliseconds) =>
        milliseconds >= 0 && milliseconds <= MaxDelay.TotalMilliseconds ? TimeSpan.FromMilliseconds(milliseconds) : null;
}
