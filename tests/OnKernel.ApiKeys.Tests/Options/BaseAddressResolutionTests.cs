using OnKernel.ApiKeys.Tests.Infrastructure;

namespace OnKernel.ApiKeys.Tests.Options;

/// <summary>BaseAddress against KERNEL_BASE_URL, with the environment supplied by the test (the socket-level tests live in Hostile/BaseAddressTests).</summary>
public class BaseAddressResolutionTests
{
    private static readonly KernelClientOptions KeyOnly = new() { ApiKey = Samples.CallerApiKey };

    private static Func<string, string?> Environment(string? baseUrl) => name => name == "KERNEL_BASE_URL" ? baseUrl : null;

    [Test]
    public void KERNEL_BASE_URL_that_differs_from_BaseAddress_fails_and_says_what_to_unset()
    {
        using var http = new HttpClient { BaseAddress = new Uri("https://proxy.example/") };

        var error = Assert.Throws<ArgumentException>(() => BaseAddressResolution.Resolve(KeyOnly, http, Environment("https://api.onkernel.com/")))!;

        Assert.That(error.Message, Does.StartWith(
            "The KERNEL_BASE_URL environment variable (https://api.onkernel.com/) and the HttpClient's BaseAddress (https://proxy.example/) differ. " +
            "Keep one: clear BaseAddress to use BaseUrl, or unset KERNEL_BASE_URL to use BaseAddress."));
    }

    [Test]
    public void BaseAddress_is_used_when_neither_BaseUrl_nor_KERNEL_BASE_URL_is_set()
    {
        using var http = new HttpClient { BaseAddress = new Uri("https://proxy.example/kernel") };

        var resolved = BaseAddressResolution.Resolve(KeyOnly, http, Environment(null));

        Assert.That(resolved.BaseUrl, Is.EqualTo(new Uri("https://proxy.example/kernel/")));
    }

    [Test]
    public void Without_a_BaseAddress_the_options_decide_as_before()
    {
        using var http = new HttpClient();

        var resolved = BaseAddressResolution.Resolve(KeyOnly, http, Environment(null));

        Assert.That(resolved.BaseUrl, Is.EqualTo(KernelClientOptions.DefaultBaseUrl));
    }

    [TestCase("https://proxy.example/kernel")]
    [TestCase("https://proxy.example/kernel/")]
    public void KERNEL_BASE_URL_equal_to_BaseAddress_but_for_the_final_slash_agrees(string baseAddress)
    {
        using var http = new HttpClient { BaseAddress = new Uri(baseAddress) };

        var resolved = BaseAddressResolution.Resolve(KeyOnly, http, Environment("https://proxy.example/kernel/"));

        Assert.That(resolved.BaseUrl, Is.EqualTo(new Uri("https://proxy.example/kernel/")));
    }
}
