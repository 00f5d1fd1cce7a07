namespace OnKernel;

/// <summary>
/// Options after environment fallbacks and validation: what a client actually runs with.
/// Immutable, so a caller changing their options object later cannot change a live client.
/// </summary>
internal sealed class ResolvedKernelOptions
{
    public ResolvedKernelOptions(string apiKey, Uri baseUrl, string? projectId, TimeSpan timeout, int maxRetries, bool retryCreatesWhenOutcomeUnknown)
    {
        ApiKey = apiKey;
        BaseUrl = baseUrl;
        ProjectId = projectId;
        Timeout = timeout;
        MaxRetries = maxRetries;
        RetryCreatesWhenOutcomeUnknown = retryCreatesWhenOutcomeUnknown;
    }

    // Hidden from debugger views, like every field that holds the key.
    [System.Diagnostics.DebuggerBrowsable(System.Diagnostics.DebuggerBrowsableState.Never)]
    public string ApiKey { get; }

    /// <summary>Always absolute and ending with '/', so relative operation paths keep any prefix.</summary>
    public Uri BaseUrl { get; }

    public string? ProjectId { get; }

    public TimeSpan Timeout { get; }

    public int MaxRetries { get; }

    public bool RetryCreatesWhenOutcomeUnknown { get; }

    public override string ToString() => $"ResolvedKernelOptions {{ BaseUrl = {BaseUrl}, ApiKey = [REDACTED] }}";
}
