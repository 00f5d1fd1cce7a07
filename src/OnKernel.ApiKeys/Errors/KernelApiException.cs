using System.Collections.Generic;
using System.Linq;

namespace OnKernel;

/// <summary>
/// Kernel answered with a non-success status. Carries the status, the parsed
/// <see cref="Error"/> body fields when there was one, the response headers and a capped,
/// redacted copy of the raw body (an HTML page from a proxy, say).
/// </summary>
public class KernelApiException : OnKernelException
{
    /// <summary>The largest number of characters of the response body kept in <see cref="RawBody"/>.</summary>
    public const int RawBodyLimit = 4096;

    // Built by KernelErrorMapper (or ApiKeysModelFactory for test doubles), never by hand.
    internal KernelApiException(KernelErrorResponse response)
        : base(FormatMessage(response.StatusCode, response.Error, response.RawBody))
    {
        StatusCode = response.StatusCode;
        ErrorCode = response.Error?.Code;
        ErrorMessage = response.Error?.Message;
        Details = response.Error?.Details?.ToList() ?? new List<ErrorDetail>();
        InnerError = response.Error?.InnerError;
        Headers = response.Headers;
        RawBody = Truncate(response.RawBody);
    }

    /// <summary>The HTTP status code.</summary>
    public int StatusCode { get; }

    /// <summary>Kernel's machine-readable error code (e.g. <c>bad_request</c>), when the body was a Kernel error.</summary>
    public string? ErrorCode { get; }

    /// <summary>Kernel's human-readable error message, when the body was a Kernel error.</summary>
    public string? ErrorMessage { get; }

    /// <summary>Additional error details from the body (empty when none).</summary>
    public IReadOnlyList<ErrorDetail> Details { get; }

    /// <summary>The lower-level error from the body, when present.</summary>
    public ErrorDetail? InnerError { get; }

    /// <summary>The response headers (case-insensitive names).</summary>
    public KernelHeaders Headers { get; }

    /// <summary>The response body, at most <see cref="RawBodyLimit"/> characters, with any <c>key</c> field redacted.</summary>
    public string? RawBody { get; }

    /// <summary>Caps a body kept on an exception at <see cref="RawBodyLimit"/> characters.</summary>
    internal static string? Truncate(string? body) =>
        ServerText.Truncate(body, RawBodyLimit);

    private static string FormatMessage(int statusCode, Error? error, string? rawBody)
    {
        if (error is not null && !string.IsNullOrEmpty(error.Code))
        {
            return $"{statusCode} {error.Code}: {error.Message}";
        }

        var body = string.IsNullOrWhiteSpace(rawBody) ? "empty body" : "body was not a Kernel error";
        return $"{statusCode} {StatusPhrase(statusCode)} ({body}).";
    }

    private static string StatusPhrase(int status) => status switch
    {
        400 => "Bad Request",
        401 => "Unauthorized",
        403 => "Forbidden",
        404 => "Not Found",
        408 => "Request Timeout",
        409 => "Conflict",
        422 => "Unprocessable Entity",
        429 => "Too Many Requests",
        500 => "Internal Server Error",
        502 => "Bad Gateway",
        503 => "Service Unavailable",
        504 => "Gateway Timeout",
        _ => "HTTP error",
    };
}
