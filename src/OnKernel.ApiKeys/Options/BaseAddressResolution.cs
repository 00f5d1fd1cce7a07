using System.Net.Http;

namespace OnKernel;

/// <summary>
/// Reconciles <see cref="KernelClientOptions.BaseUrl"/> (or <c>KERNEL_BASE_URL</c>) with the
/// <see cref="HttpClient.BaseAddress"/> of a caller-owned HttpClient. A BaseAddress says where
/// the caller meant requests (and their API key) to go, so it is never silently ignored:
/// used when no base URL is set, and an error when it disagrees with one that is.
/// </summary>
internal static class BaseAddressResolution
{
    private const string AddressName = "the HttpClient's BaseAddress";

    /// <param name="options">The caller's options.</param>
    /// <param name="httpClient">The caller's HttpClient, if any.</param>
    /// <param name="environment">Reads environment variables (tests supply their own).</param>
    /// <param name="paramName">The caller's parameter to blame for invalid options, or null when it had none.</param>
    public static ResolvedKernelOptions Resolve(KernelClientOptions options, HttpClient? httpClient, Func<string, string?>? environment = null, string? paramName = "options")
    {
        environment ??= Environment.GetEnvironmentVariable;
        var resolved = KernelOptionsResolver.Resolve(options, environment, paramName);
        var baseAddress = httpClient?.BaseAddress;
        if (baseAddress is null)
        {
            return resolved;
        }

        var setBy = options.BaseUrl is not null ? "KernelClientOptions.BaseUrl"
            : !string.IsNullOrWhiteSpace(environment(KernelOptionsResolver.BaseUrlVariable)) ? $"The {KernelOptionsResolver.BaseUrlVariable} environment variable"
            : null;
        if (setBy is null)
        {
            // Checked by the same rules as BaseUrl (https, or http to loopback), under its own name.
            var problem = KernelOptionsResolver.TryResolve(CopyWithBaseUrl(options, baseAddress), environment, out var fromAddress);
            if (problem is not null)
            {
                throw new ArgumentException(problem.Replace("KernelClientOptions.BaseUrl", "The HttpClient's BaseAddress"), nameof(httpClient));
            }

            return fromAddress!;
        }

        if (!SameAddress(resolved.BaseUrl, baseAddress))
        {
            var unset = options.BaseUrl is not null ? "leave BaseUrl unset" : $"unset {KernelOptionsResolver.BaseUrlVariable}";
            throw new ArgumentException(
                $"{setBy} ({resolved.BaseUrl}) and {AddressName} ({baseAddress}) differ. Keep one: clear BaseAddress to use BaseUrl, or {unset} to use BaseAddress.",
                nameof(options));
        }

        return resolved;
    }

    // HttpClient accepts only an absolute BaseAddress, so AbsolutePath is always there.
    private static bool SameAddress(Uri resolved, Uri baseAddress)
    {
        var withSlash = baseAddress.AbsolutePath.EndsWith("/", StringComparison.Ordinal) ? baseAddress : new Uri(baseAddress.GetLeftPart(UriPartial.Path) + "/");
        return Uri.Compare(resolved, withSlash, UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.SafeUnescaped, StringComparison.Ordinal) == 0;
    }

    private static KernelClientOptions CopyWithBaseUrl(KernelClientOptions options, Uri baseUrl) => new()
    {
        ApiKey = options.ApiKey,
        BaseUrl = baseUrl,
        ProjectId = options.ProjectId,
        Timeout = options.Timeout,
        MaxRetries = options.MaxRetries,
        RetryCreatesWhenOutcomeUnknown = options.RetryCreatesWhenOutcomeUnknown,
        LoggerFactory = options.LoggerFactory,
        TimeProvider = options.TimeProvider,
    };
}
