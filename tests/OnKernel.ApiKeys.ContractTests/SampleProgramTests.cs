using System.Text.RegularExpressions;
using OnKernel.ApiKeys.ContractTests.Spec;

namespace OnKernel.ApiKeys.ContractTests;

/// <summary>
/// The README's main job, run as the user runs it: build/run-sample.sh against the
/// in-memory fake with nothing but bash and the .NET SDK on PATH; the same walkthrough
/// against Prism (--prism); and --real's refusal without a key. The plaintext of the
/// created key is printed exactly once.
/// </summary>
[Category("Build")]
public sealed class SampleProgramTests
{
    private static readonly TimeSpan RunTimeout = TimeSpan.FromMinutes(4);

    [Test]
    public async Task The_main_job_runs_the_walkthrough_against_the_fake_with_only_the_dotnet_sdk()
    {
        // A PATH with bash, dirname and dotnet only: no node, npm, python or curl to fall back on.
        var bin = Directory.CreateTempSubdirectory("sample-path-").FullName;
        try
        {
            foreach (var tool in new[] { "bash", "dirname", "dotnet" })
            {
                File.CreateSymbolicLink(Path.Combine(bin, tool), Which(tool));
            }

            var run = await ProcessRunner.RunAsync("bash", ["build/run-sample.sh"], RepoPaths.Root, RunTimeout, new Dictionary<string, string?> { ["PATH"] = bin });
            var output = run.Output;

            Assert.That(run.ExitCode, Is.EqualTo(0), output);
            var plaintext = Regex.Match(output, @"^\s+(sk_[0-9A-Za-z]{40})$", RegexOptions.Multiline).Groups[1].Value;
            Assert.Multiple(() =>
            {
                Assert.That(plaintext, Is.Not.Empty, output);
                Assert.That(output.Split(plaintext).Length - 1, Is.EqualTo(1), "the plaintext is printed exactly once:\n" + output);
                Assert.That(output, Does.Contain("1. Create API key 'staging' (expires in 30 days)"));
                Assert.That(output, Does.Contain("   - staging " + plaintext[..7] + "..." + plaintext[^4..]));
                Assert.That(output, Does.Contain("3. Rotate it"));
                Assert.That(output, Does.Match(@"4\. Advance the fake's clock 8 days"));
                Assert.That(output, Does.Contain("a request with the old key: HTTP 401 unauthorized"));
                Assert.That(output, Does.Contain("a request with the new key: HTTP 200"));
                Assert.That(output, Does.Contain("5. Delete the old key\n   HTTP 204; deleted_at "));
                Assert.That(output, Does.Contain("Done: created, listed, rotated, expired and deleted."));
            });
        }
        finally
        {
            Directory.Delete(bin, recursive: true);
        }
    }

    [Test]
    public async Task The_same_walkthrough_runs_against_prism()
    {
        var run = await DotnetRunAsync(["--prism", "--name", "contract-sample", "--days", "30"],
            new Dictionary<string, string?> { ["KERNEL_API_KEY"] = "sk_test_sample", ["KERNEL_BASE_URL"] = PrismServer.BaseUrl.ToString() });
        var output = run.Output;

        Assert.That(run.ExitCode, Is.EqualTo(0), output);
        var plaintext = KernelSpec.Current.Example("CreatedApiKey", "key");
        var masked = KernelSpec.Current.Example("CreatedApiKey", "masked_key");
        Assert.Multiple(() =>
        {
            Assert.That(output, Does.Contain("1. Create API key 'contract-sample' (expires in 30 days)"));
            Assert.That(output.Split(plaintext).Length - 1, Is.EqualTo(1), "the plaintext is printed exactly once:\n" + output);
            Assert.That(output.IndexOf(masked, StringComparison.Ordinal), Is.GreaterThan(output.IndexOf(plaintext, StringComparison.Ordinal)), "masked after the one plaintext line");
            Assert.That(output, Does.Contain("skipped (Prism answers static examples and has no clock)"));
            Assert.That(output, Does.Contain("HTTP 204"));
            Assert.That(output, Does.Contain("Done: created, listed, rotated and deleted."));
        });
    }

    [Test]
    public async Task Real_mode_refuses_to_run_without_KERNEL_API_KEY_and_sends_nothing()
    {
        var run = await DotnetRunAsync(["--real", "--name", "never-sent"], new Dictionary<string, string?> { ["KERNEL_API_KEY"] = null, ["KERNEL_BASE_URL"] = "http://127.0.0.1:9/" });

        Assert.That(run.ExitCode, Is.EqualTo(2), run.Output);
        Assert.That(run.Output, Does.Contain("--real creates a key with Kernel's API and needs KERNEL_API_KEY").And.Contain("Nothing was sent."));
    }

    [TestCase("--days", "many", "--days takes a whole number of days; got 'many'.")]
    [TestCase("--name", null, "--name needs a value.")]
    [TestCase("--verbose", null, "Unknown argument '--verbose'.")]
    public async Task Bad_arguments_exit_2_with_the_reason(string flag, string? value, string message)
    {
        var run = await DotnetRunAsync(value is null ? ["--real", flag] : ["--real", flag, value], new Dictionary<string, string?> { ["KERNEL_API_KEY"] = null });

        Assert.That(run.ExitCode, Is.EqualTo(2), run.Output);
        Assert.That(run.Output, Does.Contain("Invalid input: " + message));
    }

    private static Task<ProcessRunner.Result> DotnetRunAsync(string[] arguments, Dictionary<string, string?> environment) =>
        ProcessRunner.RunAsync("dotnet", ["run", "--project", "src/OnKernel.ApiKeys.Sample", "-c", "Release", "--", .. arguments], RepoPaths.Root, RunTimeout, environment);

    private static string Which(string tool) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator)
            .Select(dir => Path.Combine(dir, tool))
            .FirstOrDefault(File.Exists) is { } found
            ? new FileInfo(found).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? found
            : throw new InvalidOperationException($"{tool} is not on PATH.");
}
