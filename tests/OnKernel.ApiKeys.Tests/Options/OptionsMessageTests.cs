using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OnKernel.ApiKeys.Tests.Infrastructure;

namespace OnKernel.ApiKeys.Tests.Options;

/// <summary>
/// Option messages say what to fix where the caller set it: configuration keys with
/// dependency injection, a hint for a Timeout of "5" (five days), infinite described as
/// such, and no parameter blamed that the caller never passed. Loopback-backed where a
/// client is built, so a refused option provably sends nothing.
/// </summary>
[NonParallelizable] // clears KERNEL_API_KEY for the duration of a test
public class OptionsMessageTests
{
    private string? _savedKey;

    [SetUp]
    public void ClearEnvironment()
    {
        _savedKey = Environment.GetEnvironmentVariable("KERNEL_API_KEY");
        Environment.SetEnvironmentVariable("KERNEL_API_KEY", null);
    }

    [TearDown]
    public void RestoreEnvironment() => Environment.SetEnvironmentVariable("KERNEL_API_KEY", _savedKey);

    private static OptionsValidationException StartUpFailure(IConfiguration configuration)
    {
        var services = new ServiceCollection();
        services.AddKernelClient(configuration);
        using var provider = services.BuildServiceProvider();
        return Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate())!;
    }

    private static IConfigurationRoot Configuration(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build();

    [Test]
    public void A_missing_key_in_a_configuration_section_names_the_section_key_and_its_environment_form()
    {
        var ex = StartUpFailure(Configuration(("Kernel:BaseUrl", "https://api.onkernel.com/")).GetSection("Kernel"));

        Assert.That(ex.Failures.Single(), Is.EqualTo(
            "No Kernel API key was given. Set the configuration value Kernel:ApiKey (as an environment variable: Kernel__ApiKey), or the KERNEL_API_KEY environment variable."));
    }

    [Test]
    public void The_root_configuration_names_the_bare_key()
    {
        var ex = StartUpFailure(Configuration(("MaxRetries", "1")));

        Assert.That(ex.Failures.Single(), Does.Contain("Set the configuration value ApiKey (as an environment variable: ApiKey)"));
    }

    [Test]
    public void A_nested_section_gives_its_full_path()
    {
        var ex = StartUpFailure(Configuration(("App:Kernel:MaxRetries", "1")).GetSection("App:Kernel"));

        Assert.That(ex.Failures.Single(), Does.Contain("Set the configuration value App:Kernel:ApiKey (as an environment variable: App__Kernel__ApiKey)"));
    }

    [TestCase("5", 5, "00:00:05")]
    [TestCase("1", 1, "00:00:01")]
    [TestCase("90", 90, "00:01:30")]
    public void A_bare_number_Timeout_from_configuration_is_refused_with_the_seconds_spelling(string configured, int days, string hint)
    {
        var ex = StartUpFailure(Configuration(("Kernel:ApiKey", Samples.CallerApiKey), ("Kernel:Timeout", configured)).GetSection("Kernel"));

        var expectedDays = days == 1 ? "1 day" : $"{days} days";
        Assert.That(ex.Failures.Single(), Does.StartWith(
            $"KernelClientOptions.Timeout is {expectedDays}, which looks like a unit mistake: in configuration a bare number such as \"{days}\" means days. For {days} seconds write {hint} (hours:minutes:seconds)."));
        SecretWatch.AssertClean(ex);
    }

    [Test]
    public async Task A_whole_days_Timeout_is_refused_before_any_request()
    {
        await using var server = LoopbackServer.Scripted(ServerAction.Respond(200, "[]"));

        var ex = Assert.Throws<ArgumentException>(() => LoopbackClient.For(server, o => o.Timeout = TimeSpan.FromDays(2)));

        Assert.That(ex!.Message, Does.StartWith("KernelClientOptions.Timeout is 2 days, which looks like a unit mistake"));
        Assert.That(server.RequestCount, Is.EqualTo(0));
    }

    [Test]
    public async Task A_long_Timeout_that_is_not_whole_days_is_accepted()
    {
        await using var server = LoopbackServer.Scripted(ServerAction.Respond(200, "[]"));
        var (client, _) = LoopbackClient.For(server, o => o.Timeout = TimeSpan.FromHours(30));
        using (client)
        {
            Assert.That(await client.ApiKeys.ListPageAsync(), Is.Not.Null);
        }
    }

    [Test]
    public async Task An_infinite_Timeout_is_called_infinite()
    {
        await using var server = LoopbackServer.Scripted(ServerAction.Respond(200, "[]"));

        var ex = Assert.Throws<ArgumentException>(() => LoopbackClient.For(server, o => o.Timeout = Timeout.InfiniteTimeSpan));

        Assert.That(ex!.Message, Does.StartWith("KernelClientOptions.Timeout must be positive, but it is infinite (Timeout.InfiniteTimeSpan)."));
        Assert.That(ex.Message, Does.Not.Contain("-00:00:00.0010000"));
        Assert.That(server.RequestCount, Is.EqualTo(0));
    }

    [Test]
    public void The_parameterless_constructor_blames_no_parameter()
    {
        var ex = Assert.Throws<ArgumentException>(() => new KernelClient());

        Assert.That(ex!.ParamName, Is.Null);
        Assert.That(ex.Message, Is.EqualTo("No Kernel API key was given. Set KernelClientOptions.ApiKey, or the KERNEL_API_KEY environment variable."));
    }

    [Test]
    public async Task The_options_constructor_still_names_its_parameter()
    {
        await using var server = LoopbackServer.Scripted(ServerAction.Respond(200, "[]"));

        var ex = Assert.Throws<ArgumentException>(() => LoopbackClient.For(server, o => o.ApiKey = null));

        Assert.That(ex!.ParamName, Is.EqualTo("options"));
    }
}
