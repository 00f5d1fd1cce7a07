using System.Text;

namespace OnKernel.ApiKeys.SpecUpdate.Regenerate;

/// <summary>
/// The pull request body a refresh writes to <c>artifacts/spec-update/summary.md</c>: what
/// changed in the spec, the breaking changes package validation found, the public API diff
/// per target framework, the version bump and why, and the test result.
/// </summary>
internal sealed class ReviewSummary
{
    public string Source { get; init; } = "";

    public string FromVersion { get; init; } = "";

    public IReadOnlyList<string> SpecChanges { get; init; } = [];

    public IReadOnlyList<string> BreakingChanges { get; set; } = [];

    public IReadOnlyList<(string TargetFramework, string Diff)> ApiDiffs { get; set; } = [];

    public VersionBump.Decision? Bump { get; set; }

    public string? TestResult { get; set; }

    public string? Failure { get; set; }

    public string Render()
    {
        var md = new StringBuilder();
        var title = Failure is not null ? "failed"
            : Bump is null ? "no change"
            : $"{FromVersion} -> {Bump.NewVersion} ({Bump.Label})";
        md.AppendLine($"# Kernel API Keys spec update: {title}").AppendLine();
        md.AppendLine($"Source: {Source}").AppendLine();
        if (Failure is not null)
        {
            md.AppendLine("## Failure").AppendLine().AppendLine(Failure).AppendLine();
            md.AppendLine("Nothing vendored was changed: the spec, the public API listings and the version were put back.").AppendLine();
        }

        if (Bump is not null)
        {
            md.AppendLine("## Version").AppendLine();
            md.AppendLine($"**{Bump.Label}**: {FromVersion} -> {Bump.NewVersion}. {Bump.Reason}").AppendLine();
        }

        md.AppendLine("## What changed in the spec").AppendLine();
        foreach (var line in SpecChanges.DefaultIfEmpty("No changes."))
        {
            md.AppendLine($"- {line.Trim()}");
        }

        md.AppendLine().AppendLine("## Breaking changes (package validation against the previous package)").AppendLine();
        foreach (var line in BreakingChanges.DefaultIfEmpty("None."))
        {
            md.AppendLine($"- {line}");
        }

        md.AppendLine().AppendLine("## Public API diff").AppendLine();
        foreach (var (tfm, diff) in ApiDiffs)
        {
            md.AppendLine($"### {tfm}").AppendLine();
            md.AppendLine(diff.Length == 0 ? "No change." : $"```diff\n{diff.TrimEnd()}\n```").AppendLine();
        }

        md.AppendLine("## Tests").AppendLine().AppendLine(TestResult ?? "Not run.");
        return md.ToString();
    }
}
