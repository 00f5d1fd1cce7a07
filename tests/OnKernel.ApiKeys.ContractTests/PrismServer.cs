using OnKernel.ApiKeys.ContractTests.Infrastructure;

namespace OnKernel.ApiKeys.ContractTests;

/// <summary>
/// Starts one Prism mock of openapi/kernel.yaml for every test in this assembly and stops it
/// afterwards, whether the tests passed or not. Installs Prism with npm ci when needed.
/// </summary>
[SetUpFixture]
public sealed class PrismServer
{
    private static PrismProcess? _prism;

    /// <summary>Where Prism listens, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public static Uri BaseUrl => _prism?.BaseUrl ?? throw new InvalidOperationException("Prism is not running: PrismServer's OneTimeSetUp failed or has not run.");

    /// <summary>What Prism printed so far, for failure messages.</summary>
    public static string Output => _prism?.Output ?? "(Prism is not running)";

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        var prismDir = RepoPaths.Combine("build", "prism");
        var npmCi = await PrismInstall.EnsureAsync(prismDir);
        TestContext.Progress.WriteLine(npmCi is TimeSpan took
            ? $"[prism] npm ci took {took.TotalSeconds:F1} s"
            : "[prism] node_modules already current; npm ci skipped");

        _prism = await PrismProcess.StartAsync(prismDir, RepoPaths.Combine("openapi", "kernel.yaml"));
        TestContext.Progress.WriteLine($"[prism] ready at {_prism.BaseUrl} after {_prism.StartupTime.TotalMilliseconds:F0} ms");
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        if (_prism is not null)
        {
            await _prism.DisposeAsync();
            _prism = null;
        }
    }
}
