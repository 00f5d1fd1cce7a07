using OnKernel.ApiKeys.ContractTests.Spec;

namespace OnKernel.ApiKeys.ContractTests;

/// <summary>
/// The README's main job: the sample program, run as the user runs it (dotnet run, settings
/// from KERNEL_API_KEY / KERNEL_BASE_URL), against Prism. The plaintext key is printed
/// exactly once, and the masked key after it.
/// </summary>
[Category("Build")]
public sealed class SampleProgramTests
{
    [Test]
    public async Task The_sample_creates_a_key_and_prints_the_plaintext_once()
    {
        var run = await ProcessRunner.RunAsync(
            "dotnet",
            ["run", "--project", "src/OnKernel.ApiKeys.Sample", "--", "--name", "contract-sample", "--days", "30"],
            RepoPaths.Root,
            TimeSpan.FromMinutes(3),
            new Dictionary<string, string?> { ["KERNEL_API_KEY"] = "sk_test_sample", ["KERNEL_BASE_URL"] = PrismServer.BaseUrl.ToString() });
        var output = run.Output;

        Assert.That(run.ExitCode, Is.EqualTo(0), output);
        var plaintext = KernelSpec.Current.Example("CreatedApiKey", "key");
        var masked = KernelSpec.Current.Example("CreatedApiKey", "masked_key");
        Assert.Multiple(() =>
        {
            Assert.That(output, Does.Contain("Creating API key 'contract-sample'"));
            Assert.That(output.Split(plaintext).Length - 1, Is.EqualTo(1), "the plaintext is printed exactly once:\n" + output);
            Assert.That(output.IndexOf(masked, StringComparison.Ordinal), Is.GreaterThan(output.IndexOf(plaintext, StringComparison.Ordinal)), "masked after the one plaintext line");
            Assert.That(output, Does.Contain("HTTP 201, 1 attempt(s)"));
        });
    }
}
