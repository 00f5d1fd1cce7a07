namespace OnKernel.ApiKeys.ContractTests.Infrastructure;

/// <summary>
/// The exception a caller should get for an error status: <see cref="Thrown"/> itself and,
/// when it wraps the API error, the <see cref="KernelApiException"/> type inside it.
/// </summary>
internal sealed record ExpectedFailure(Type Thrown, Type ApiError)
{
    public static ExpectedFailure For(int status, bool createsKey)
    {
        var apiError = status switch
        {
            400 => typeof(KernelBadRequestException),
            401 => typeof(KernelAuthenticationException),
            403 => typeof(KernelPermissionDeniedException),
            404 => typeof(KernelNotFoundException),
            409 => typeof(KernelConflictException),
            422 => typeof(KernelUnprocessableEntityException),
            429 => typeof(KernelRateLimitException),
            >= 500 => typeof(KernelServerException),
            _ => typeof(KernelApiException),
        };

        // A create answered 500/502/504 may have made the key: the caller must be told the
        // outcome is unknown rather than that it failed. 503 means "not accepting work".
        var outcomeUnknown = createsKey && status >= 500 && status != 503;
        return new ExpectedFailure(outcomeUnknown ? typeof(KernelOutcomeUnknownException) : apiError, apiError);
    }
}
