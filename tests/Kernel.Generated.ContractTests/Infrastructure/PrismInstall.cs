using System.Diagnostics;
using Newtonsoft.Json.Linq;

namespace Kernel.Generated.ContractTests.Infrastructure;

/// <summary>
/// Makes sure build/prism/node_modules holds the Prism version pinned in build/prism/package.json,
/// running <c>npm ci</c> (the lock file, nothing resolved afresh) when it does not.
/// </summary>
internal static class PrismInstall
{
    private const string PackageName = "@stoplight/prism-cli";
    private static readonly TimeSpan NpmTimeout = TimeSpan.FromMinutes(5);

    /// <summary>The Prism executable (<c>node_modules/.bin/prism</c>).</summary>
    public static string Executable(string prismDir) =>
        Path.Combine(prismDir, "node_modules", ".bin", OperatingSystem.IsWindows() ? "prism.cmd" : "prism");

    /// <returns>How long <c>npm ci</c> took, or null when the install was already current.</returns>
    public static async Task<TimeSpan?> EnsureAsync(string prismDir)
    {
        var pinned = PinnedVersion(prismDir);
        var installed = InstalledVersion(prismDir);
        if (File.Exists(Executable(prismDir)) && installed == pinned)
        {
            return null;
        }

        // A stale node_modules (the pin was bumped) would otherwise test the old Prism silently.
        var stopwatch = Stopwatch.StartNew();
        await RunNpmCiAsync(prismDir);
        stopwatch.Stop();

        if (!File.Exists(Executable(prismDir)) || InstalledVersion(prismDir) != pinned)
        {
            throw new InvalidOperationException($"npm ci finished but {Executable(prismDir)} (version {pinned}) is not there; installed: {InstalledVersion(prismDir) ?? "nothing"}.");
        }

        return stopwatch.Elapsed;
    }

    private static string PinnedVersion(string prismDir)
    {
        var manifest = JObject.Parse(File.ReadAllText(Path.Combine(prismDir, "package.json")));
        return manifest["dependencies"]?[PackageName]?.Value<string>()
            ?? throw new InvalidOperationException($"build/prism/package.json does not depend on {PackageName}.");
    }

    private static string? InstalledVersion(string prismDir)
    {
        var manifest = Path.Combine(prismDir, "node_modules", "@stoplight", "prism-cli", "package.json");
        return File.Exists(manifest) ? JObject.Parse(File.ReadAllText(manifest))["version"]?.Value<string>() : null;
    }

    private static async Task RunNpmCiAsync(string prismDir)
    {
        // npm is a .cmd shim on Windows, which needs the command interpreter to start.
        var info = OperatingSystem.IsWindows()
            ? new ProcessStartInfo("cmd.exe") { ArgumentList = { "/d", "/c", "npm", "ci" } }
            : new ProcessStartInfo("npm") { ArgumentList = { "ci" } };
        info.WorkingDirectory = prismDir;
        info.RedirectStandardOutput = true;
        info.RedirectStandardError = true;
        info.UseShellExecute = false;
        info.Environment["SCARF_ANALYTICS"] = "false";

        var output = new OutputBuffer();
        using var process = new Process { StartInfo = info };
        output.Attach(process);
        try
        {
            process.Start();
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException("Could not start npm; the contract tests need Node.js (20 or later) and npm on PATH.", e);
        }

        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var timeout = new CancellationTokenSource(NpmTimeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            throw new TimeoutException($"npm ci in {prismDir} did not finish in {NpmTimeout}.\n{output}");
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"npm ci in {prismDir} failed with exit code {process.ExitCode}.\n{output}");
        }
    }
}
