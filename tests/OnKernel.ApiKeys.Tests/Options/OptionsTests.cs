using OnKernel.ApiKeys.Tests.Infrastructure;

namespace OnKernel.ApiKeys.Tests.Options;

/// <summary>Option resolution: environment fallbacks, defaults and failures with useful messages.</summary>
[NonParallelizable]
public class OptionsTests
{
    private static Func<string, string?> Env(string? key = null, string? url = null) =>
        name => name switch { "KERNEL_API_KEY" => key, "KERNEL_BASE_URL" => url, _ => null };

    [Test]
    public void Key_and_base_url_fall_back_to_the_environment()
    {
        var resolved = KernelOptionsResolver.Resolve(new KernelClientOptions(), Env(Samples.CallerApiKey, "https://eu.kernel.example/v2"));
        Assert.That(resolved.ApiKey, Is.EqualTo(Samples.CallerApiKey));
        Assert.That(resolved.BaseUrl, Is.EqualTo(new Uri("https://eu.kernel.example/v2/")));
    }

    [Test]
    public void Explicit_options_win_over_the_environment()
    {
        var resolved = KernelOptionsResolver.Resolve(
            new KernelClientOptions { ApiKey = "sk_explicit", BaseUrl = new Uri("https://explicit.example/") },
            Env(Samples.CallerApiKey, "https://env.example/"));
        Assert.That(resolved.ApiKey, Is.EqualTo("sk_explicit"));
        Assert.That(resolved.BaseUrl, Is.EqualTo(new Uri("https://explicit.example/")));
    }

    [Test]
    public void Defaults_are_the_public_api_60_seconds_and_2_retries()
    {
        var resolved = KernelOptionsResolver.Resolve(new KernelClientOptions { ApiKey = "sk_x" }, Env());
        Assert.Multiple(() =>
        {
            Assert.That(resolved.BaseUrl, Is.EqualTo(new Uri("https://api.onkernel.com/")));
            Assert.That(resolved.Timeout, Is.EqualTo(TimeSpan.FromSeconds(60)));
            Assert.That(resolved.MaxRetries, Is.EqualTo(2));
            Assert.That(resolved.ProjectId, Is.Null);
        });
    }

    [Test]
    public void The_parameterless_constructor_reads_KERNEL_API_KEY_and_KERNEL_BASE_URL()
    {
        var savedKey = Environment.GetEnvironmentVariable("KERNEL_API_KEY");
        var savedUrl = Environment.GetEnvironmentVariable("KERNEL_BASE_URL");
        try
        {
            Environment.SetEnvironmentVariable("KERNEL_API_KEY", Samples.CallerApiKey);
            Environment.SetEnvironmentVariable("KERNEL_BASE_URL", "https://proxy.example/kernel");
            using var client = new KernelClient();
            Assert.That(client.BaseUrl, Is.EqualTo(new Uri("https://proxy.example/kernel/")));

            Environment.SetEnvironmentVariable("KERNEL_API_KEY", null);
            var ex = Assert.Throws<ArgumentException>(() => new KernelClient())!;
            Assert.That(ex.Message, Does.Contain("KernelClientOptions.ApiKey").And.Contain("KERNEL_API_KEY"));
        }
        finally
        {
            Environment.SetEnvironmentVariable("KERNEL_API_KEY", savedKey);
            Environment.SetEnvironmentVariable("KERNEL_BASE_URL", savedUrl);
        }
    }

    [TestCase(null, "No Kernel API key was given. Set KernelClientOptions.ApiKey, or the KERNEL_API_KEY environment variable.")]
    [TestCase("", "KernelClientOptions.ApiKey is empty or whitespace")]
    [TestCase("   ", "KernelClientOptions.ApiKey is empty or whitespace")]
    [TestCase("sk_caller_SECRET_abc\n", "KernelClientOptions.ApiKey contains whitespace or control characters")]
    [TestCase("sk_caller_SECRET\u0007abc", "KernelClientOptions.ApiKey contains whitespace or control characters")]
    public void Bad_keys_fail_at_construction_without_echoing_the_key(string? key, string expected)
    {
        var ex = Assert.Throws<ArgumentException>(() => KernelOptionsResolver.Resolve(new KernelClientOptions { ApiKey = key }, Env()))!;
        Assert.That(ex.Message, Does.StartWith(expected));
        Assert.That(ex.ParamName, Is.EqualTo("options"));
        SecretWatch.AssertClean(ex);
    }

    [Test]
    public void A_whitespace_key_from_the_environment_names_the_variable()
    {
        var ex = Assert.Throws<ArgumentException>(() => KernelOptionsResolver.Resolve(new KernelClientOptions(), Env(" ")))!;
        Assert.That(ex.Message, Does.StartWith("The KERNEL_API_KEY environment variable is empty or whitespace"));
    }

    [TestCase("ftp://api.onkernel.com/", "uses the scheme 'ftp'")]
    [TestCase("http://api.onkernel.com/", "is plain http, which would send the API key unencrypted")]
    [TestCase("https://user:pw@api.onkernel.com/", "must not contain user info")]
    public void Bad_base_urls_fail_with_what_to_use(string url, string expected)
    {
        var ex = Assert.Throws<ArgumentException>(() => KernelOptionsResolver.Resolve(new KernelClientOptions { ApiKey = "sk_x", BaseUrl = new Uri(url) }, Env()))!;
        Assert.That(ex.Message, Does.Contain(expected));
        Assert.That(ex.Message, Does.Not.Contain("pw@"));
    }

    [Test]
    public void A_relative_base_url_fails()
    {
        var ex = Assert.Throws<ArgumentException>(() => KernelOptionsResolver.Resolve(new KernelClientOptions { ApiKey = "sk_x", BaseUrl = new Uri("kernel/", UriKind.Relative) }, Env()))!;
        Assert.That(ex.Message, Does.StartWith("KernelClientOptions.BaseUrl ('kernel/') is relative. Use an absolute https URL such as https://api.onkernel.com/."));
    }

    [Test]
    public void A_relative_KERNEL_BASE_URL_fails_naming_the_variable()
    {
        var ex = Assert.Throws<ArgumentException>(() => KernelOptionsResolver.Resolve(new KernelClientOptions { ApiKey = "sk_x" }, Env(url: "api.onkernel.com")))!;
        Assert.That(ex.Message, Does.StartWith("The KERNEL_BASE_URL environment variable ('api.onkernel.com') is not an absolute URL"));
    }

    [TestCase("http://127.0.0.1:4010")]
    [TestCase("http://localhost:4010/")]
    [TestCase("http://[::1]:4010/")]
    public void Plain_http_is_allowed_to_loopback_only(string url)
    {
        Assert.That(KernelOptionsResolver.Resolve(new KernelClientOptions { ApiKey = "sk_x", BaseUrl = new Uri(url) }, Env()).BaseUrl.AbsoluteUri, Does.EndWith("/"));
    }

    [Test]
    public void Negative_retries_and_non_positive_timeouts_fail()
    {
        var retries = Assert.Throws<ArgumentException>(() => KernelOptionsResolver.Resolve(new KernelClientOptions { ApiKey = "sk_x", MaxRetries = -1 }, Env()))!;
        Assert.That(retries.Message, Does.StartWith("KernelClientOptions.MaxRetries must be 0 or more (0 disables retries; default 2); got -1."));

        var huge = Assert.Throws<ArgumentException>(() => KernelOptionsResolver.Resolve(new KernelClientOptions { ApiKey = "sk_x", Timeout = TimeSpan.MaxValue }, Env()))!;
        Assert.That(huge.Message, Does.StartWith("KernelClientOptions.Timeout must be at most 24.9 days"));

        foreach (var timeout in new[] { TimeSpan.Zero, TimeSpan.FromSeconds(-1), Timeout.InfiniteTimeSpan })
        {
            var ex = Assert.Throws<ArgumentException>(() => KernelOptionsResolver.Resolve(new KernelClientOptions { ApiKey = "sk_x", Timeout = timeout }, Env()))!;
            Assert.That(ex.Message, Does.StartWith("KernelClientOptions.Timeout must be positive"));
        }
    }

    [TestCase("")]
    [TestCase("  ")]
    public void An_empty_project_id_option_fails(string projectId)
    {
        var ex = Assert.Throws<ArgumentException>(() => KernelOptionsResolver.Resolve(new KernelClientOptions { ApiKey = "sk_x", ProjectId = projectId }, Env()))!;
        Assert.That(ex.Message, Does.StartWith("KernelClientOptions.ProjectId is empty or whitespace"));
    }

    [TestCase("proj\n1")]
    [TestCase("\u0001")]
    public void A_project_id_with_control_characters_fails(string projectId)
    {
        var ex = Assert.Throws<ArgumentException>(() => KernelOptionsResolver.Resolve(new KernelClientOptions { ApiKey = "sk_x", ProjectId = projectId }, Env()))!;
        Assert.That(ex.Message, Does.StartWith("KernelClientOptions.ProjectId contains control characters."));
    }

    [Test]
    public void Options_ToString_never_shows_the_key()
    {
        var text = new KernelClientOptions { ApiKey = Samples.CallerApiKey }.ToString();
        Assert.That(text, Does.Contain("ApiKey = [REDACTED]"));
        SecretWatch.AssertClean(text, "options");
    }
}
