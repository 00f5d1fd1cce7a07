using System.Diagnostics;

namespace OnKernel;

// The generated client's exception, written by hand (nswag.json sets
// generateExceptionClasses: false, NSwag's way to supply your own): NSwag's version puts up
// to 512 characters of the response body into Message and all of it into ToString(), and
// the body of a create's response holds the plaintext key. Constructors match the
// signatures the generated code calls.

/// <summary>
/// Thrown by the low-level <see cref="ApiKeysClient"/> for a status it does not return as a
/// result, or a body it cannot read. <see cref="KernelClient"/> never lets it out: it maps
/// it to the <see cref="OnKernelException"/> family. Message and ToString() never contain the
/// response body.
/// </summary>
internal class ApiKeysClientException : Exception
{
    /// <summary>Creates the exception (called by the generated client).</summary>
    public ApiKeysClientException(string message, int statusCode, string? response, IReadOnlyDictionary<string, IEnumerable<string>> headers, Exception? innerException)
        : base($"{message} (HTTP {statusCode})", innerException)
    {
        StatusCode = statusCode;
        Response = response;
        Headers = headers;
    }

    /// <summary>The HTTP status code.</summary>
    public int StatusCode { get; }

    /// <summary>The raw response body. It can contain a plaintext key (a create's response): never log it as is.</summary>
    [DebuggerBrowsable(DebuggerBrowsableState.Never)]
    public string? Response { get; }

    /// <summary>The response headers.</summary>
    public IReadOnlyDictionary<string, IEnumerable<string>> Headers { get; }
}

/// <summary>An <see cref="ApiKeysClientException"/> whose body parsed as a declared error type (Kernel's <see cref="Error"/>).</summary>
/// <typeparam name="TResult">The parsed error body.</typeparam>
internal class ApiKeysClientException<TResult> : ApiKeysClientException
{
    /// <summary>Creates the exception (called by the generated client).</summary>
    public ApiKeysClientException(string message, int statusCode, string? response, IReadOnlyDictionary<string, IEnumerable<string>> headers, TResult result, Exception? innerException)
        : base(message, statusCode, response, headers, innerException)
    {
        Result = result;
    }

    /// <summary>The parsed error body.</summary>
    public TResult Result { get; }
}
