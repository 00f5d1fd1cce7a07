using System.Diagnostics;
using Newtonsoft.Json.Linq;

namespace OnKernel.ApiKeys.ContractTests.Infrastructure;

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
        var (command, arguments) = OperatingSystem.IsWindows()
            ? ("cmd.exe", new[] { "/d", "/c", "npm", "ci" })
            : ("npm", new[] { "ci" });

        ProcessRunner.Result result;
        try
        {
            result = await ProcessRunner.RunAsync(command, arguments, prismDir, NpmTimeout, new Dictionary<string, string?> { ["SCARF_ANALYTICS"] = "false" });
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException("Could not start npm; the contract tests need Node.js (20 or later) and npm on PATH.", e);
        }

        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"npm ci in {prismDir} failed with exit code {result.ExitCode}.\n{result.Output}");
        }
    }
}
