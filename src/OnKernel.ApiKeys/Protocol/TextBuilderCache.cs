using System.Text;

namespace OnKernel;

/// <summary>
/// One StringBuilder per thread for the generated client's request URLs and JSON bodies (the
/// generator host puts these calls where NSwag made a new builder per request, which grew chunk
/// by chunk). A builder not released (an exception between the two calls) is simply not reused.
/// The body is written before the URL is built, so one builder serves both in turn.
/// </summary>
internal static class TextBuilderCache
{
    // Longer texts are built in a builder of their own, so a cached one never stays large.
    private const int MaxCachedCapacity = 512;

    [ThreadStatic]
    private static StringBuilder? _cached;

    public static StringBuilder Acquire()
    {
        var builder = _cached;
        if (builder is null)
        {
            return new StringBuilder(128);
        }

        _cached = null;
        return builder.Clear();
    }

    public static string Release(StringBuilder builder)
    {
        var url = builder.ToString();
        if (builder.Capacity <= MaxCachedCapacity)
        {
            _cached = builder;
        }

        return url;
    }
}
