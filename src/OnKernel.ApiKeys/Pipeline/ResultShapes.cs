using System.Collections.Generic;

namespace OnKernel;

/// <summary>What a successful call gives its caller, made from the attempt that succeeded.</summary>
internal delegate TResult ResultShape<in T, out TResult>(T value, int statusCode, IReadOnlyDictionary<string, IEnumerable<string>> headers, int attempts, SecretRedactor redactor);

/// <summary>The two shapes: the whole response (the WithResponse methods, paging), or the value alone.</summary>
internal static class ResultShapes<T>
{
    // Response headers can echo a secret back: redacted on success too (when read).
    public static readonly ResultShape<T, KernelResponse<T>> Response =
        static (value, status, headers, attempts, redactor) => new KernelResponse<T>(value, status, KernelHeaders.Redacted(headers, redactor), attempts);

    public static readonly ResultShape<T, T> Value = static (value, _, _, _, _) => value;
}
