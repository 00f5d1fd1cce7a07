using System.Net.Http;

namespace OnKernel;

/// <summary>Copies content headers onto a wrapping content, the way the transport wrappers need on every attempt.</summary>
internal static class ContentHeaders
{
    public static void CopyTo(HttpContent from, HttpContent to, string? except = null)
    {
#if NET6_0_OR_GREATER
        // As received, without parsing each value and allocating its array, which
        // enumerating the validated view does (and the generated client already did once).
        foreach (var header in from.Headers.NonValidated)
        {
            // Stryker disable once Equality : the copied Content-Length has the value TryComputeLength reports anyway
            if (except is null || !string.Equals(header.Key, except, StringComparison.OrdinalIgnoreCase))
            {
                var values = header.Value;
                if (values.Count == 1)
                {
                    to.Headers.TryAddWithoutValidation(header.Key, values.ToString());
                }
                else
                {
                    to.Headers.TryAddWithoutValidation(header.Key, values);
                }
            }
        }
#else
        foreach (var header in from.Headers)
        {
            if (except is null || !string.Equals(header.Key, except, StringComparison.OrdinalIgnoreCase))
            {
                to.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }
        }
#endif
    }
}
