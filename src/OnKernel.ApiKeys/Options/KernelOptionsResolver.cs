namespace OnKernel;

/// <summary>
/// Applies the environment fallbacks and checks every option, producing either resolved
/// options or one message that says what to fix. Used by the constructors and by the
/// dependency-injection validator, so both report the same words.
/// </summary>
internal static class KernelOptionsResolver
{
    public const string ApiKeyVariable = "KERNEL_API_KEY";
    public const string BaseUrlVariable = "KERNEL_BASE_URL";

    private static readonly TimeSpan MaxTimeout = TimeSpan.FromMilliseconds(int.MaxValue);

    /// <param name="options">The options to check.</param>
    /// <param name="environment">Reads an environment variable; null for the process environment.</param>
    /// <param name="paramName">The caller's parameter to blame, or null when the caller had none (<c>new KernelClient()</c>).</param>
    public static ResolvedKernelOptions Resolve(KernelClientOptions options, Func<string, string?>? environment = null, string? paramName = "options")
    {
        var error = TryResolve(options, environment, out var resolved);
        if (error is not null)
        {
            throw new ArgumentException(error, paramName);
        }

        return resolved!;
    }

    /// <param name="options">The options to check.</param>
    /// <param name="environment">Reads an environment variable; null for the process environment.</param>
    /// <param name="resolved">The resolved options when valid, else null.</param>
    /// <param name="configurationPath">The configuration section the options were bound from, if any, so a message can name the setting to fix.</param>
    /// <returns>null when valid, else the message.</returns>
    public static string? TryResolve(KernelClientOptions options, Func<string, string?>? environment, out ResolvedKernelOptions? resolved, string? configurationPath = null)
    {
        resolved = null;
        environment ??= Environment.GetEnvironmentVariable;

        var apiKey = options.ApiKey;
        var keySource = "KernelClientOptions.ApiKey";
        if (apiKey is null)
        {
            apiKey = environment(ApiKeyVariable);
            keySource = $"The {ApiKeyVariable} environment variable";
        }

        if (apiKey is null)
        {
            return configurationPath is null
                ? $"No Kernel API key was given. Set KernelClientOptions.ApiKey, or the {ApiKeyVariable} environment variable."
                : $"No Kernel API key was given. Set the configuration value {ConfigurationKey(configurationPath, "ApiKey")} (as an environment variable: {EnvironmentForm(configurationPath, "ApiKey")}), or the {ApiKeyVariable} environment variable.";
        }

        if (string.IsNullOrWhiteSpace(apiKey))
        {
            return $"{keySource} is empty or whitespace. Give the Kernel API key (it starts with 'sk_').";
        }

        // The key itself is never part of a message; say what is wrong with it instead.
        if (apiKey.Any(char.IsControl) || apiKey.Any(char.IsWhiteSpace))
        {
            return $"{keySource} contains whitespace or control characters (a pasted newline?). Give the key exactly as Kernel issued it.";
        }

        // The key travels in a header, which carries ASCII only: every request would fail
        // locally. A typographic quote or dash from a document is the usual cause.
        if (!IsAscii(apiKey))
        {
            return $"{keySource} contains non-ASCII characters (a typographic quote or dash pasted from a document?). Give the key exactly as Kernel issued it.";
        }

        Uri? baseUrl = options.BaseUrl;
        var urlSource = "KernelClientOptions.BaseUrl";
        if (baseUrl is null)
        {
            var fromEnvironment = environment(BaseUrlVariable);
            if (!string.IsNullOrWhiteSpace(fromEnvironment))
            {
                urlSource = $"The {BaseUrlVariable} environment variable";
                if (!Uri.TryCreate(fromEnvironment!.Trim(), UriKind.Absolute, out baseUrl))
                {
                    return $"{urlSource} ('{fromEnvironment}') is not an absolute URL. Use e.g. https://api.onkernel.com/.";
                }
            }
        }

        baseUrl ??= KernelClientOptions.DefaultBaseUrl;
        if (!baseUrl.IsAbsoluteUri)
        {
            return $"{urlSource} ('{baseUrl.OriginalString}') is relative. Use an absolute https URL such as https://api.onkernel.com/.";
        }

        if (baseUrl.Scheme != Uri.UriSchemeHttps && baseUrl.Scheme != Uri.UriSchemeHttp)
        {
            return $"{urlSource} ('{Describe(baseUrl)}') uses the scheme '{baseUrl.Scheme}'. Use an https URL such as https://api.onkernel.com/.";
        }

        // The API key travels in a header: plain http would expose it on the network.
        if (baseUrl.Scheme == Uri.UriSchemeHttp && !baseUrl.IsLoopback)
        {
            return $"{urlSource} ('{Describe(baseUrl)}') is plain http, which would send the API key unencrypted. Use https; http is allowed only to a loopback host (localhost, 127.0.0.1, ::1) for local mocks.";
        }

        if (!string.IsNullOrEmpty(baseUrl.UserInfo) || !string.IsNullOrEmpty(baseUrl.Query) || !string.IsNullOrEmpty(baseUrl.Fragment))
        {
            return $"{urlSource} must not contain user info, a query or a fragment. Use e.g. https://api.onkernel.com/.";
        }

        if (options.ProjectId is not null && string.IsNullOrWhiteSpace(options.ProjectId))
        {
            return "KernelClientOptions.ProjectId is empty or whitespace. Give a project id (e.g. 'proj_abc123') or leave it null for organisation-wide access.";
        }

        if (options.ProjectId is not null && options.ProjectId.Any(char.IsControl))
        {
            return "KernelClientOptions.ProjectId contains control characters.";
        }

        if (options.ProjectId is not null && !IsAscii(options.ProjectId))
        {
            return "KernelClientOptions.ProjectId contains non-ASCII characters; it is sent as the X-Kernel-Project-Id header, which carries ASCII only. Give the project id exactly as Kernel shows it (e.g. 'proj_abc123').";
        }

        var behaviour = ValidateBehaviour(options);
        if (behaviour is not null)
        {
            return behaviour;
        }

        resolved = new ResolvedKernelOptions(apiKey, WithTrailingSlash(baseUrl), options.ProjectId, options.Timeout, options.MaxRetries, options.RetryCreatesWhenOutcomeUnknown);
        return null;
    }

    /// <summary>Checks the options that shape the pipeline (timeout, retries); null when valid.</summary>
    public static string? ValidateBehaviour(KernelClientOptions options)
    {
        if (options.Timeout == System.Threading.Timeout.InfiniteTimeSpan)
        {
            return $"KernelClientOptions.Timeout must be positive, but it is infinite (Timeout.InfiniteTimeSpan). It is the limit for each attempt (default {KernelClientOptions.DefaultTimeout.TotalSeconds:0} s); to bound the whole call instead, pass a cancellation token.";
        }

        if (options.Timeout <= TimeSpan.Zero)
        {
            return $"KernelClientOptions.Timeout must be positive (it is the limit for each attempt; default {KernelClientOptions.DefaultTimeout.TotalSeconds:0} s); got {options.Timeout}.";
        }

        // Configuration binds a bare "5" as five days, not seconds. A per-attempt limit of
        // whole days is never meant, so it is taken for that mistake.
        if (options.Timeout >= TimeSpan.FromDays(1) && options.Timeout.Ticks % TimeSpan.TicksPerDay == 0)
        {
            var days = (long)options.Timeout.TotalDays;
            return $"KernelClientOptions.Timeout is {days} day{(days == 1 ? "" : "s")}, which looks like a unit mistake: in configuration a bare number such as \"{days}\" means days. " +
                $"For {days} seconds write {TimeSpan.FromSeconds(days):c} (hours:minutes:seconds).";
        }

        // CancellationTokenSource.CancelAfter takes at most int.MaxValue milliseconds.
        if (options.Timeout > MaxTimeout)
        {
            return $"KernelClientOptions.Timeout must be at most {MaxTimeout.TotalDays:0.#} days (it is the limit for each attempt); got {options.Timeout}.";
        }

        if (options.MaxRetries < 0)
        {
            return $"KernelClientOptions.MaxRetries must be 0 or more (0 disables retries; default {KernelClientOptions.DefaultMaxRetries}); got {options.MaxRetries}.";
        }

        return null;
    }

    // "Kernel" + "ApiKey" -> "Kernel:ApiKey"; the root configuration has an empty path.
    private static string ConfigurationKey(string path, string property) => path.Length == 0 ? property : path + ":" + property;

    // Environment variables cannot hold ':', so the configuration providers read "__" as one.
    private static string EnvironmentForm(string path, string property) => ConfigurationKey(path, property).Replace(":", "__");

    private static bool IsAscii(string text) => text.All(c => c <= '\u007F');

    private static string Describe(Uri url) => url.GetLeftPart(UriPartial.Path);

    // "https://proxy.example/kernel" + "org/api_keys" must give ".../kernel/org/api_keys".
    private static Uri WithTrailingSlash(Uri url) =>
        url.AbsolutePath.EndsWith("/", StringComparison.Ordinal) ? url : new Uri(url.GetLeftPart(UriPartial.Path) + "/");
}
