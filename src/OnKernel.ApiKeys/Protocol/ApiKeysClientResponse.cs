namespace OnKernel;

// The generated client's response wrapper, written by hand (nswag.json sets
// generateResponseClasses: false): NSwag's template always makes it public, and users
// must meet only KernelResponse. Constructors match the signatures the generated code calls.

/// <summary>Status and headers of a response of the low-level <see cref="ApiKeysClient"/>.</summary>
internal class ApiKeysClientResponse
{
    public ApiKeysClientResponse(int statusCode, IReadOnlyDictionary<string, IEnumerable<string>> headers)
    {
        StatusCode = statusCode;
        Headers = headers;
    }

    public int StatusCode { get; }

    public IReadOnlyDictionary<string, IEnumerable<string>> Headers { get; }
}

/// <summary>An <see cref="ApiKeysClientResponse"/> with its parsed body.</summary>
internal class ApiKeysClientResponse<TResult> : ApiKeysClientResponse
{
    public ApiKeysClientResponse(int statusCode, IReadOnlyDictionary<string, IEnumerable<string>> headers, TResult result)
        : base(statusCode, headers)
    {
        Result = result;
    }

    public TResult Result { get; }
}
