namespace OnKernel;

// One subtype per status family, so callers can catch what they handle. KernelErrorMapper
// holds the one status -> type map; constructors are internal (ApiKeysModelFactory builds
// them for test doubles).

/// <summary>400: Kernel rejected the request as invalid (e.g. <c>cannot_delete_current_key</c>).</summary>
public class KernelBadRequestException : KernelApiException
{
    internal KernelBadRequestException(KernelErrorResponse response)
        : base(response) { }
}

/// <summary>401: the API key is missing, invalid, expired or revoked.</summary>
public class KernelAuthenticationException : KernelApiException
{
    internal KernelAuthenticationException(KernelErrorResponse response)
        : base(response) { }
}

/// <summary>403: the API key may not do this (e.g. a project-scoped key).</summary>
public class KernelPermissionDeniedException : KernelApiException
{
    internal KernelPermissionDeniedException(KernelErrorResponse response)
        : base(response) { }
}

/// <summary>404: the resource (or project) does not exist.</summary>
public class KernelNotFoundException : KernelApiException
{
    internal KernelNotFoundException(KernelErrorResponse response)
        : base(response) { }
}

/// <summary>409: the request conflicts with the resource's current state.</summary>
public class KernelConflictException : KernelApiException
{
    internal KernelConflictException(KernelErrorResponse response)
        : base(response) { }
}

/// <summary>422: the request was well-formed but could not be processed.</summary>
public class KernelUnprocessableEntityException : KernelApiException
{
    internal KernelUnprocessableEntityException(KernelErrorResponse response)
        : base(response) { }
}

/// <summary>429: rate limited. <see cref="RetryAfter"/> says how long Kernel asked to wait, when it said.</summary>
public class KernelRateLimitException : KernelApiException
{
    internal KernelRateLimitException(KernelErrorResponse response)
        : base(response)
    {
        RetryAfter = RetryAfterHeader.Parse(Headers, response.ReceivedAt);
    }

    /// <summary>The delay from <c>retry-after-ms</c> or <c>Retry-After</c>, when present.</summary>
    public TimeSpan? RetryAfter { get; }
}

/// <summary>5xx: Kernel (or a proxy in front of it) failed.</summary>
public class KernelServerException : KernelApiException
{
    internal KernelServerException(KernelErrorResponse response)
        : base(response) { }
}
