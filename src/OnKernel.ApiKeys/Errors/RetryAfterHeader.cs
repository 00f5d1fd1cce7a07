using System.Globalization;

namespace OnKernel;

/// <summary>Reads a server-given delay: <c>retry-after-ms</c> (milliseconds) first, then <c>Retry-After</c> (seconds or an HTTP date).</summary>
internal static class RetryAfterHeader
{
    public static TimeSpan? Parse(KernelHeaders headers, DateTimeOffset now)
    {
        var ms = headers.GetFirst("retry-after-ms");
        if (ms is not null && double.TryParse(ms.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var milliseconds) && !double.IsNaN(milliseconds) && !double.IsInfinity(milliseconds))
        {
            return TimeSpan.FromMilliseconds(milliseconds);
        }

        var value = headers.GetFirst("Retry-After")?.Trim();
        if (value is null)
        {
            return null;
        }

        if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && !double.IsNaN(seconds) && !double.IsInfinity(seconds))
        {
            return TimeSpan.FromSeconds(seconds);
        }

        if (DateTimeOffset.TryParseExact(value, "r", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date))
        {
            return date - now;
        }

        return null;
    }
}
