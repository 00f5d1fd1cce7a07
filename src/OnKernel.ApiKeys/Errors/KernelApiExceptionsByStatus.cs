using System.Collections.Generic;

namespace OnKernel;

// One subtype per status family, so callers can catch what they handle.

/// <summary>400: Kernel rejected the request as invalid (e.g. <c>cannot_delete_current_key</c>).</summary>
public class KernelBadRequestException : KernelApiException
{
    /// <summary>Creates the exception.</summary>
    public KernelBadRequestException(int statusCode, Error? error, string? rawBody, IReadOnlyDictionary<string, IEnumerable<string>>? headers)
        : base(statusCode, error, rawBody, headers) { }
}

/// <summary>401: the API key is missing, invalid, expired or revoked.</summary>
public class KernelAuthenticationException : KernelApiException
{
    /// <summary>Creates the exception.</summary>
    public KernelAuthenticationException(int statusCode, Error? error, string? rawBody, IReadOnlyDictionary<string, IEnumerable<string>>? headers)
        : base(statusCode, error, rawBody, headers) { }
}

/// <summary>403: the API key may not do this (e.g. a project-scoped key).</summary>
public class KernelPermissionDeniedException : KernelApiException
{
    /// <summary>Creates the exception.</summary>
    public KernelPermissionDeniedException(int statusCode, Error? error, string? rawBody, IReadOnlyDictionary<string, IEnumerable<string>>? headers)
        : base(statusCode, error, rawBody, headers) { }
}

/// <summary>404: the resource (or project) does not exist.</summary>
public class KernelNotFoundException : KernelApiException
{
    /// <summary>Creates the exception.</summary>
    public KernelNotFoundException(int statusCode, Error? error, string? rawBody, IReadOnlyDictionary<string, IEnumerable<string>>? headers)
        : base(statusCode, error, rawBody, headers) { }
}

/// <summary>409: the request conflicts with the resource's current state.</summary>
public class KernelConflictException : KernelApiException
{
    /// <summary>Creates the exception.</summary>
    public KernelConflictException(int statusCode, Error? error, string? rawBody, IReadOnlyDictionary<string, IEnumerable<string>>? headers)
        : base(statusCode, error, rawBody, headers) { }
}

/// <summary>422: the request was well-formed but could not be processed.</summary>
public class KernelUnprocessableEntityException : KernelApiException
{
    /// <summary>Creates the exception.</summary>
    public KernelUnprocessableEntityException(int statusCode, Error? error, string? rawBody, IReadOnlyDictionary<string, IEnumerable<string>>? headers)
        : base(statusCode, error, rawBody, headers) { }
}

/// <summary>429: rate limited. <see cref="RetryAfter"/> says how long Kernel asked to wait, when it said.</summary>
public class KernelRateLimitException : KernelApiException
{
    /// <summary>Creates the exception.</summary>
    public KernelRateLimitException(int statusCode, Error? error, string? rawBody, IReadOnlyDictionary<string, IEnumerable<string>>? headers)
        : base(statusCode, error, rawBody, headers)
    {
        RetryAfter = RetryAfterHeader.Parse(Headers, DateTimeOffset.UtcNow);
    }

    /// <summary>The delay from <c>retry-after-ms</c> or <c>Retry-After</c>, when present.</summary>
    public TimeSpan? RetryAfter { get; }
}

/// <summary>5xx: Kernel (or a proxy in front of it) failed.</summary>
public class KernelServerException : KernelApiException
{
    /// <summary>Creates the exception.</summary>
    public KernelServerException(int statusCode, Error? error, string? rawBody, IReadOnlyDictionary<string, IEnumerable<string>>? headers)
        : base(statusCode, error, rawBody, headers) { }
}
