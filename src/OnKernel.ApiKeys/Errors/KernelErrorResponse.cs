using System.Collections.Generic;

namespace OnKernel;

/// <summary>
/// The one value every <see cref="KernelApiException"/> is built from: an error response as
/// the client kept it, already redacted (the body, the error fields, the headers).
/// </summary>
internal sealed class KernelErrorResponse
{
    // receivedAt: when it arrived on the client's clock (Retry-After dates are read against it); null for now.
    public KernelErrorResponse(int statusCode, Error? error, string? rawBody, IReadOnlyDictionary<string, IEnumerable<string>>? headers, DateTimeOffset? receivedAt = null)
    {
        ReceivedAt = receivedAt ?? DateTimeOffset.UtcNow;
        StatusCode = statusCode;
        Error = error;
        RawBody = rawBody;
        Headers = KernelHeaders.From(headers);
    }

    public int StatusCode { get; }

    public Error? Error { get; }

    public string? RawBody { get; }

    public KernelHeaders Headers { get; }

    public DateTimeOffset ReceivedAt { get; }
}
