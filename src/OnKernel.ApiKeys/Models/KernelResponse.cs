namespace OnKernel;

/// <summary>
/// The HTTP response a call came from: status, headers and Kernel's rate-limit headers.
/// Returned (with the value, as <see cref="KernelResponse{T}"/>) by every
/// <c>...WithResponseAsync</c> method.
/// </summary>
public class KernelResponse
{
    // Built by the pipeline, or by ApiKeysModelFactory for test doubles.
    internal KernelResponse(int statusCode, KernelHeaders headers, int attempts)
    {
        StatusCode = statusCode;
        Headers = headers;
        Attempts = attempts;
    }

    /// <summary>The HTTP status code (any 2xx).</summary>
    public int StatusCode { get; }

    /// <summary>The response headers, case-insensitive.</summary>
    public KernelHeaders Headers { get; }

    /// <summary>How many attempts the call took (1 when it was not retried).</summary>
    public int Attempts { get; }

    /// <summary><c>X-RateLimit-Limit</c>, when sent.</summary>
    public long? RateLimitLimit => Headers.RateLimitLimit;

    /// <summary><c>X-RateLimit-Remaining</c>, when sent.</summary>
    public long? RateLimitRemaining => Headers.RateLimitRemaining;

    /// <summary>Status and attempts.</summary>
    public override string ToString() => $"KernelResponse {{ StatusCode = {StatusCode}, Attempts = {Attempts} }}";
}

/// <summary>A result together with the HTTP response it came from.</summary>
/// <typeparam name="T">The parsed body.</typeparam>
public sealed class KernelResponse<T> : KernelResponse
{
    // Built by the pipeline, or by ApiKeysModelFactory for test doubles.
    internal KernelResponse(T value, int statusCode, KernelHeaders headers, int attempts)
        : base(statusCode, headers, attempts)
    {
        Value = value;
    }

    /// <summary>The parsed body.</summary>
    public T Value { get; }

    /// <summary>Status and type; the value shows only what its own ToString shows (never a plaintext key).</summary>
    public override string ToString() => $"KernelResponse<{typeof(T).Name}> {{ StatusCode = {StatusCode}, Attempts = {Attempts}, Value = {Value} }}";
}
