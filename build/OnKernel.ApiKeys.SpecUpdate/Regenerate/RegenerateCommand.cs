using System.Text.RegularExpressions;

namespace OnKernel.ApiKeys.SpecUpdate.Regenerate;

/// <summary>
/// The whole refresh, step by step: compare the published spec with the vendored one; pack
/// the current package as the baseline; vendor the new spec; pack again with the SDK's
/// package validation against the baseline; regenerate the public API listings; decide and
/// set the version; run the tests; write the review summary. Any failure puts every vendored
/// file back. See <see cref="ExitCodes"/>.
/// </summary>
internal static class RegenerateCommand
{
    private const string Library = "src/OnKernel.ApiKeys/OnKernel.ApiKeys.csproj";
    private const string VersionFile = "build/Version.props";
    private static readonly string[] TargetFrameworks = ["netstandard2.0", "net8.0"];
    private static readonly Regex CompatError = new(@"error (?<code>CP\d{4}): (?<message>.*?)(?: \[[^\]]*\])?$", RegexOptions.Multiline);

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var options = RegenerateOptions.Parse(args, out var usageError);
        if (options is null)
        {
            stderr.WriteLine($"error: {usageError}");
            stderr.WriteLine(RegenerateOptions.Usage);
            return ExitCodes.Usage;
        }

        string Repo(string path) => Path.Combine(options.Root, path);
        var spec = Repo("openapi/kernel.yaml");
        var listings = TargetFrameworks.Select(tfm => Repo($"src/OnKernel.ApiKeys/PublicAPI.{tfm}.approved.txt")).ToArray();
        // The Testing package's listing changes with the models it serves; kept safe the same way.
        var testingListing = Repo("src/OnKernel.ApiKeys.Testing/PublicAPI.approved.txt");
        Directory.CreateDirectory(options.Out);

        // 1. Has the API Keys part changed? (--check compares and prints, writing nothing.)
        var check = Capture(new[] { options.Source, "--output", spec, "--check" });
        var summary = new ReviewSummary { Source = options.Source, FromVersion = ProjectVersion.Read(Repo(VersionFile)), SpecChanges = check.Lines };
        if (check.ExitCode == 0)
        {
            return Finish(summary, options, stdout, ExitCodes.NoChange);
        }

        if (!check.Stderr.Contains("is not up to date", StringComparison.Ordinal))
        {
            summary.Failure = $"The spec could not be read: {check.Stderr.Trim()}";
            return Finish(summary, options, stdout, ExitCodes.Failed);
        }

        var state = new VendoredState(listings.Append(testingListing).Append(spec).Append(Repo(VersionFile)));
        var work = Path.Combine(options.Out, "work");
        try
        {
            // 2. The baseline: the package as it is now (or the one given).
            var baseline = options.Baseline ?? Pack(options, stdout, Path.Combine(work, "baseline"), summary.FromVersion, validateAgainst: null).Package;

            // 3. Vendor the new spec (cut and normalised).
            var update = Capture(new[] { options.Source, "--output", spec });
            Require(update.ExitCode == 0, $"The spec update failed: {update.Stderr.Trim()}");

            // 4. Regenerate, build and pack, validated against the baseline by the SDK's ApiCompat.
            var candidate = Pack(options, stdout, Path.Combine(work, "candidate"), summary.FromVersion, validateAgainst: baseline);
            summary.BreakingChanges = CompatError.Matches(candidate.Output).Select(m => $"{m.Groups["code"].Value}: {m.Groups["message"].Value.Trim()}").Distinct().ToList();
            Require(candidate.Succeeded || summary.BreakingChanges.Count > 0, "The regenerated client did not build:\n" + Tail(candidate.Output));

            // 5. The public API listings of both builds.
            var accept = Shell.Run(options.Root, stdout, "bash build/accept-api.sh");
            Require(accept.Succeeded, "Regenerating the public API listings failed:\n" + Tail(accept.Output));
            summary.ApiDiffs = TargetFrameworks.Zip(listings, (tfm, path) => (tfm, Diff(options.Root, stdout, state.Before(path), path))).ToList();

            // 6. The version, computed.
            summary.Bump = VersionBump.Decide(summary.FromVersion, summary.BreakingChanges, summary.ApiDiffs.Any(d => d.Diff.Length > 0));
            ProjectVersion.Write(Repo(VersionFile), summary.Bump.NewVersion);

            // 7. The tests, on the regenerated client.
            var tests = Shell.Run(options.Root, stdout, options.Tests);
            var results = string.Join("\n", tests.Output.Split('\n').Where(l => l.Contains("Passed!") || l.Contains("Failed!")).Select(l => "    " + l.Trim()));
            summary.TestResult = $"`{options.Tests}` {(tests.Succeeded ? "passed" : $"FAILED (exit {tests.ExitCode})")}.{(results.Length > 0 ? "\n\n" + results : "")}";
            Require(tests.Succeeded, "The tests failed on the regenerated client:\n" + Tail(tests.Output));

            File.Copy(candidate.Package, Path.Combine(options.Out, "candidate.nupkg"), overwrite: true);
            return Finish(summary, options, stdout, ExitCodes.Updated);
        }
        catch (Exception failure)
        {
            // Any failure, foreseen or not (an unreadable version, a full disk): put everything back.
            state.Restore();
            summary.Failure = failure is RegenerateFailure ? failure.Message : $"{failure.GetType().Name}: {failure.Message}";
            return Finish(summary, options, stdout, ExitCodes.Failed);
        }
    }

    private static (bool Succeeded, string Output, string Package) Pack(RegenerateOptions options, TextWriter log, string output, string version, string? validateAgainst)
    {
        // Package validation runs once per build unless its marker is gone.
        foreach (var marker in Directory.EnumerateFiles(Path.Combine(options.Root, "src/OnKernel.ApiKeys"), "*ApiCompat*semaphore", SearchOption.AllDirectories))
        {
            File.Delete(marker);
        }

        var validation = validateAgainst is null ? "" :
            $" -p:EnablePackageValidation=true -p:PackageValidationBaselinePath=\"{validateAgainst}\" -p:ApiCompatEnableRuleAttributesMustMatch=true -p:ApiCompatEnableRuleCannotChangeParameterName=true";
        var pack = Shell.Run(options.Root, log, $"dotnet pack {Library} -c Release -nologo -o \"{output}\" -p:Version={version}{validation}");
        var package = Path.Combine(output, $"OnKernel.ApiKeys.{version}.nupkg");
        if (validateAgainst is null)
        {
            Require(pack.Succeeded, "Packing the current version as the baseline failed:\n" + Tail(pack.Output));
        }

        return (pack.Succeeded, pack.Output, package);
    }

    private static string Diff(string root, TextWriter log, byte[]? before, string after)
    {
        var old = Path.GetTempFileName();
        File.WriteAllBytes(old, before ?? []);
        try
        {
            var diff = Shell.Run(root, TextWriter.Null, $"diff -u \"{old}\" \"{after}\"");
            // Drop the two header lines, which name temporary files.
            return string.Join("\n", diff.Output.Split('\n').Skip(2)).Trim('\n');
        }
        finally
        {
            File.Delete(old);
        }
    }

    private static (int ExitCode, string[] Lines, string Stderr) Capture(string[] args)
    {
        using var stdout = new StringWriter { NewLine = "\n" };
        using var stderr = new StringWriter { NewLine = "\n" };
        var code = SpecUpdateCommand.Run(args, stdout, stderr);
        return (code, stdout.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries), stderr.ToString());
    }

    private static int Finish(ReviewSummary summary, RegenerateOptions options, TextWriter stdout, int exitCode)
    {
        var text = summary.Render();
        File.WriteAllText(Path.Combine(options.Out, "summary.md"), text);
        File.WriteAllText(Path.Combine(options.Out, "result.txt"), exitCode switch { ExitCodes.NoChange => "no-change", ExitCodes.Updated => "updated", _ => "failed" } + "\n");
        stdout.WriteLine(text);
        return exitCode;
    }

    private static void Require(bool condition, string failure)
    {
        if (!condition)
        {
            throw new RegenerateFailure(failure);
        }
    }

    private static string Tail(string output) => string.Join("\n", output.Split('\n').TakeLast(30));

    private sealed class RegenerateFailure(string message) : Exception(message);
}
