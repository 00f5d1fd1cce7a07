using System.Net.Http;
using System.Threading;
using OnKernel;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

// The conventional namespace for IServiceCollection extensions, so they show up without a using.
namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers <see cref="KernelClient"/> and <see cref="ApiKeysService"/> with dependency injection.</summary>
public static class KernelServiceCollectionExtensions
{
    /// <summary>The name of the <see cref="HttpClient"/> the client uses, for <see cref="IHttpClientFactory"/>.</summary>
    public const string HttpClientName = "OnKernel.KernelClient";

    /// <summary>
    /// Adds <see cref="KernelClient"/> (transient, over an <see cref="IHttpClientFactory"/> client)
    /// and <see cref="ApiKeysService"/>. Options are validated when the host starts.
    /// </summary>
    /// <returns>The HttpClient builder, to add handlers or configure the primary handler.</returns>
    public static IHttpClientBuilder AddKernelClient(this IServiceCollection services, Action<KernelClientOptions> configure)
    {
        if (services is null)
        {
            throw new ArgumentNullException(nameof(services));
        }

        if (configure is null)
        {
            throw new ArgumentNullException(nameof(configure));
        }

        services.AddOptions<KernelClientOptions>().Configure(configure);
        return AddCore(services);
    }

    /// <summary>
    /// Adds <see cref="KernelClient"/> and <see cref="ApiKeysService"/> with options bound from
    /// a configuration section (e.g. <c>"Kernel": { "ApiKey": "...", "BaseUrl": "...", "Timeout": "00:00:30" }</c>).
    /// </summary>
    /// <returns>The HttpClient builder, to add handlers or configure the primary handler.</returns>
    public static IHttpClientBuilder AddKernelClient(this IServiceCollection services, IConfiguration configuration)
    {
        if (services is null)
        {
            throw new ArgumentNullException(nameof(services));
        }

        if (configuration is null)
        {
            throw new ArgumentNullException(nameof(configuration));
        }

        services.AddOptions<KernelClientOptions>().Bind(configuration);

        // Registered before AddCore's, which then adds none: start-up messages can name the
        // configuration keys to set (e.g. Kernel:ApiKey).
        var path = (configuration as IConfigurationSection)?.Path ?? "";
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<KernelClientOptions>>(new KernelClientOptionsValidator(path)));
        return AddCore(services);
    }

    private static IHttpClientBuilder AddCore(IServiceCollection services)
    {
        services.AddOptions<KernelClientOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<KernelClientOptions>, KernelClientOptionsValidator>());

        services.TryAddTransient(provider => new KernelClient(
            provider.GetRequiredService<IHttpClientFactory>().CreateClient(HttpClientName),
            provider.GetRequiredService<IOptions<KernelClientOptions>>().Value,
            provider.GetService<ILoggerFactory>()));
        services.TryAddTransient(provider => provider.GetRequiredService<KernelClient>().ApiKeys);

        // The pipeline enforces the per-attempt timeout (KernelClientOptions.Timeout), and
        // the primary handler does not follow redirects (they would carry the API key elsewhere).
        return services.AddHttpClient(HttpClientName, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(KernelHttpHandler.Create);
    }

    private sealed class KernelClientOptionsValidator : IValidateOptions<KernelClientOptions>
    {
        private readonly string? _configurationPath;

        public KernelClientOptionsValidator()
        {
        }

        public KernelClientOptionsValidator(string configurationPath) => _configurationPath = configurationPath;

        public ValidateOptionsResult Validate(string? name, KernelClientOptions options)
        {
            var problem = KernelOptionsResolver.TryResolve(options, null, out _, _configurationPath);
            return problem is null ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problem);
        }
    }
}
