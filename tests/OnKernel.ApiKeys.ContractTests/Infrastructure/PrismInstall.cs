using System.Diagnostics;

namespace OnKernel.ApiKeys.ContractTests.Infrastructure;

/// <summary>
/// Installs and launches Prism through build/prism/serve.sh, the one launcher the shell scripts
/// use too: it runs <c>npm ci</c> (the lock file, nothing resolved afresh) when node_modules does
/// not hold the pinned version, and starts Prism on 127.0.0.1 with the flags every caller shares.
/// </summary>
internal static class PrismInstall
{
    private static readonly TimeSpan InstallTimeout = TimeSpan.FromMinutes(5);

    /// <summary>The launcher script.</summary>
    public static string Launcher(string prismDir) => Path.Combine(prismDir, "serve.sh");

    /// <summary>A start of the launcher with <paramref name="arguments"/> (run through bash).</summary>
    public static ProcessStartInfo LaunchInfo(string prismDir, IEnumerable<string> arguments)
    {
        var info = new ProcessStartInfo("bash") { WorkingDirectory = prismDir, UseShellExecute = false };
        info.ArgumentList.Add(Launcher(prismDir));
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        return info;
    }

    /// <returns>How long <c>npm ci</c> took, or null when the install was already current.</returns>
    public static async Task<TimeSpan?> EnsureAsync(string prismDir)
    {
        var stopwatch = Stopwatch.StartNew();
        ProcessRunner.Result result;
        try
        {
            result = await ProcessRunner.RunAsync("bash", [Launcher(prismDir), "install"], prismDir, InstallTimeout);
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException("Could not start bash; the contract tests run Prism through build/prism/serve.sh and need bash, Node.js (20 or later) and npm.", e);
        }

        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"build/prism/serve.sh install failed with exit code {result.ExitCode}.\n{result.Output}");
        }

        return result.Output.Contains("Installing Prism", StringComparison.Ordinal) ? stopwatch.Elapsed : null;
    }
}
