using System.Net;
using OnKernel.ApiKeys.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using RichardSzalay.MockHttp;

namespace OnKernel.ApiKeys.Tests.DependencyInjection;

/// <summary>AddKernelClient: resolution from the container, IHttpClientFactory, start-up validation.</summary>
public class DependencyInjectionTests
{
    [Test]
    public async Task AddKernelClient_resolves_a_client_over_the_factorys_HttpClient()
    {
        var handler = new MockHttpMessageHandler();
        HttpRequestMessage? seen = null;
        handler.When(HttpMethod.Post, "https://proxy.example/kernel/org/api_keys")
            .With(r => { seen = r; return true; })
            .Respond(HttpStatusCode.Created, "application/json", Samples.CreatedKeyJson);

        var services = new ServiceCollection();
        IHttpClientBuilder builder = services.AddKernelClient(o =>
        {
            o.ApiKey = Samples.CallerApiKey;
            o.BaseUrl = new Uri("https://proxy.example/kernel");
        });
        builder.ConfigurePrimaryHttpMessageHandler(() => handler);
        await using var provider = services.BuildServiceProvider();

        var apiKeys = provider.GetRequiredService<ApiKeysService>();
        var created = await apiKeys.CreateAsync("from-di");

        Assert.That(created.Key, Is.EqualTo(Samples.PlaintextKey));
        Assert.That(seen!.Headers.Authorization!.ToString(), Is.EqualTo("Bearer " + Samples.CallerApiKey));
        Assert.That(provider.GetRequiredService<KernelClient>().BaseUrl, Is.EqualTo(new Uri("https://proxy.example/kernel/")));
        Assert.That(builder.Name, Is.EqualTo(KernelServiceCollectionExtensions.HttpClientName));
    }

    [Test]
    public void AddKernelClient_binds_a_configuration_section()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Kernel:ApiKey"] = Samples.CallerApiKey,
            ["Kernel:BaseUrl"] = "https://eu.kernel.example/",
            ["Kernel:ProjectId"] = "proj_7",
            ["Kernel:Timeout"] = "00:00:15",
            ["Kernel:MaxRetries"] = "4",
        }).Build();

        var services = new ServiceCollection();
        services.AddKernelClient(configuration.GetSection("Kernel"));
        using var provider = services.BuildServiceProvider();

        var options = provider.GetRequiredService<IOptions<KernelClientOptions>>().Value;
        Assert.Multiple(() =>
        {
            Assert.That(options.ApiKey, Is.EqualTo(Samples.CallerApiKey));
            Assert.That(options.BaseUrl, Is.EqualTo(new Uri("https://eu.kernel.example/")));
            Assert.That(options.ProjectId, Is.EqualTo("proj_7"));
            Assert.That(options.Timeout, Is.EqualTo(TimeSpan.FromSeconds(15)));
            Assert.That(options.MaxRetries, Is.EqualTo(4));
        });
        Assert.That(provider.GetRequiredService<KernelClient>().Options.MaxRetries, Is.EqualTo(4));
    }

    [Test]
    public void Invalid_options_fail_at_start_up_with_the_same_message()
    {
        var services = new ServiceCollection();
        services.AddKernelClient(o =>
        {
            o.ApiKey = Samples.CallerApiKey;
            o.BaseUrl = new Uri("http://kernel.internal.example/");
        });
        using var provider = services.BuildServiceProvider();

        // What a host runs at start-up for ValidateOnStart.
        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate())!;
        Assert.That(ex.Message, Does.Contain("KernelClientOptions.BaseUrl ('http://kernel.internal.example/') is plain http, which would send the API key unencrypted."));
        SecretWatch.AssertClean(ex);
    }

    [Test]
    public void A_missing_key_fails_at_start_up()
    {
        var services = new ServiceCollection();
        services.AddKernelClient(o => o.BaseUrl = new Uri("https://api.onkernel.com/"));
        using var provider = services.BuildServiceProvider();

        var saved = Environment.GetEnvironmentVariable("KERNEL_API_KEY");
        try
        {
            Environment.SetEnvironmentVariable("KERNEL_API_KEY", null);
            var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate())!;
            Assert.That(ex.Message, Does.Contain("No Kernel API key was given. Set KernelClientOptions.ApiKey, or the KERNEL_API_KEY environment variable."));
        }
        finally
        {
            Environment.SetEnvironmentVariable("KERNEL_API_KEY", saved);
        }
    }
}
