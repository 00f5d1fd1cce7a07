namespace OnKernel;

/// <summary>
/// Kernel answered with a success status but the body is not what the API contract
/// promises: not JSON, truncated, empty, or missing a required field (such as the
/// plaintext key of a created key). For a create or rotate, the key was most likely made.
/// </summary>
public class KernelInvalidResponseException : OnKernelException
{
    /// <summary>Creates the exception.</summary>
    public KernelInvalidResponseException(string message, int statusCode, string? rawBody)
        : base(ServerText.Truncate(message, ServerText.MessageLimit)!)
    {
        StatusCode = statusCode;
        RawBody = KernelApiException.Truncate(rawBody);
    }

    /// <summary>The (successful) HTTP status code.</summary>
    public int StatusCode { get; }

    /// <summary>The body, capped, with any <c>key</c> field redacted.</summary>
    public string? RawBody { get; }
}
