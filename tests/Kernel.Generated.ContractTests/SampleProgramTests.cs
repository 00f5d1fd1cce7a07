using System.Diagnostics;
using Kernel.Generated.ContractTests.Spec;

namespace Kernel.Generated.ContractTests;

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
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = RepoPaths.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "run", "--project", "src/Kernel.Samples.CreateKey", "--", "--name", "contract-sample", "--days", "30" })
        {
            info.ArgumentList.Add(argument);
        }

        info.Environment["KERNEL_API_KEY"] = "sk_test_sample";
        info.Environment["KERNEL_BASE_URL"] = PrismServer.BaseUrl.ToString();
        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        info.Environment["DOTNET_NOLOGO"] = "1";

        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(timeout.Token);
        var output = await stdout;

        Assert.That(process.ExitCode, Is.EqualTo(0), output + await stderr);
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
