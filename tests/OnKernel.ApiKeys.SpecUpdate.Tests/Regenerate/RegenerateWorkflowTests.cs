namespace OnKernel.ApiKeys.SpecUpdate.Tests.Regenerate;

/// <summary>
/// build/regenerate.sh end to end on a copy of the repository, driven by spec fixtures in
/// order, each revision building on the previous one: no change; a description-only edit
/// (patch); the seed revision, which the facade cannot build on (failed, nothing changed);
/// a new operation and field (minor); a removed enum value and a narrowed bound with failing
/// tests (failed, nothing changed) and then passing tests (breaking: minor while 0.x).
/// Tests are stood in for by `true`/`false`: the real suite runs in CI on the real tree.
/// </summary>
[NonParallelizable]
[Category("Workflow")]
public class RegenerateWorkflowTests
{
    private static readonly TimeSpan StepTimeout = TimeSpan.FromMinutes(5);
    private SourceTree _tree = null!;

    [OneTimeSetUp]
    public void CopyTheRepository() =>
        _tree = new SourceTree("kernel-regenerate-test-",
            "Kernel.Generated.sln", ".config", "build/OnKernel.ApiKeys.SpecUpdate", "build/regenerate.sh", "build/accept-api.sh",
            "tests/Directory.Build.props", "tests/Shared", "tests/OnKernel.ApiKeys.Tests");

    [OneTimeTearDown]
    public void CleanUp() => _tree.Dispose();

    private string Spec => File.ReadAllText(_tree.Path("openapi", "kernel.yaml"));

    private string Version => System.Text.RegularExpressions.Regex.Match(File.ReadAllText(_tree.Path("build", "Version.props")), "<Version>([^<]+)</Version>").Groups[1].Value;

    private string Listing(string tfm) => File.ReadAllText(_tree.Path("src", "OnKernel.ApiKeys", $"PublicAPI.{tfm}.approved.txt"));

    private string Summary => File.ReadAllText(_tree.Path("artifacts", "spec-update", "summary.md"));

    private string Candidate => _tree.Path("artifacts", "spec-update", "candidate.nupkg");

    private async Task<int> Regenerate(string fixture, params string[] more)
    {
        var run = await ProcessRunner.RunAsync("bash", ["build/regenerate.sh", SpecUpdateRun.Fixture(Path.Combine("regenerate", fixture)), .. more], _tree.Root, StepTimeout);
        TestContext.Out.WriteLine(run.Output);
        Assert.That(File.ReadAllText(_tree.Path("artifacts", "spec-update", "result.txt")).Trim(),
            Is.EqualTo(run.ExitCode switch { 0 => "no-change", 10 => "updated", _ => "failed" }));
        return run.ExitCode;
    }

    [Test, Order(1)]
    public async Task The_vendored_revision_is_no_change()
    {
        var before = Spec;
        Assert.That(await Regenerate("full.yaml", "--tests", "false"), Is.EqualTo(0));
        Assert.That(Summary, Does.StartWith("# Kernel API Keys spec update: no change"));
        Assert.That((Spec, Version), Is.EqualTo((before, "0.1.0")));
    }

    [Test, Order(2)]
    public async Task A_description_only_edit_is_a_patch()
    {
        Assert.That(await Regenerate("full-description-only.yaml", "--tests", "true"), Is.EqualTo(10));
        Assert.That(Version, Is.EqualTo("0.1.1"));
        Assert.That(Spec, Does.Contain("List every API key of the authenticated organization"));
        Assert.That(Summary, Does.StartWith("# Kernel API Keys spec update: 0.1.0 -> 0.1.1 (patch)"));
        Assert.That(Summary, Does.Contain("### netstandard2.0\n\nNo change.").And.Contain("### net8.0\n\nNo change."));
        Assert.That(Summary, Does.Contain("## Breaking changes (package validation against the previous package)\n\n- None."));
        Assert.That(Summary, Does.Contain("`true` passed."));
        Assert.That(File.Exists(Candidate), Is.True);
    }

    [Test, Order(3)]
    public async Task The_seed_revision_fails_to_build_and_changes_nothing()
    {
        var (spec, listing) = (Spec, Listing("net8.0"));
        File.Copy(Candidate, _tree.Path("baseline.nupkg"), overwrite: true);
        Assert.That(await Regenerate("seed.yaml", "--tests", "true", "--baseline", _tree.Path("baseline.nupkg")), Is.EqualTo(1));
        Assert.That(Summary, Does.StartWith("# Kernel API Keys spec update: failed"));
        Assert.That(Summary, Does.Contain("The regenerated client did not build").And.Contain("Removed operation GET /org/api_keys (listApiKeys)"));
        Assert.That((Spec, Listing("net8.0"), Version), Is.EqualTo((spec, listing, "0.1.1")), "nothing vendored is left half-updated");
    }

    [Test, Order(4)]
    public async Task A_new_operation_and_field_are_minor()
    {
        Assert.That(await Regenerate("full-additions.yaml", "--tests", "true", "--baseline", _tree.Path("baseline.nupkg")), Is.EqualTo(10));
        Assert.That(Version, Is.EqualTo("0.2.0"));
        Assert.That(Summary, Does.StartWith("# Kernel API Keys spec update: 0.1.1 -> 0.2.0 (minor)"));
        Assert.That(Summary, Does.Contain("Added operation GET /org/api_keys/{id}/usage (getApiKeyUsageById)"));
        Assert.That(Summary, Does.Contain("+        public System.DateTimeOffset? LastUsedAt { get; set; }"));
        Assert.That(Summary, Does.Contain("+    public class ApiKeyUsage"));
        Assert.That(Listing("netstandard2.0"), Does.Contain("LastUsedAt"));
    }

    [Test, Order(5)]
    public async Task Failing_tests_leave_nothing_changed()
    {
        var (spec, listing) = (Spec, Listing("netstandard2.0"));
        File.Copy(Candidate, _tree.Path("baseline.nupkg"), overwrite: true);
        Assert.That(await Regenerate("full-breaking.yaml", "--tests", "false", "--baseline", _tree.Path("baseline.nupkg")), Is.EqualTo(1));
        Assert.That(Summary, Does.Contain("The tests failed on the regenerated client").And.Contain("`false` FAILED (exit 1)."));
        Assert.That((Spec, Listing("netstandard2.0"), Version), Is.EqualTo((spec, listing, "0.2.0")));
    }

    [Test, Order(6)]
    public async Task A_removed_value_and_a_narrowed_bound_are_breaking()
    {
        Assert.That(await Regenerate("full-breaking.yaml", "--tests", "true", "--baseline", _tree.Path("baseline.nupkg")), Is.EqualTo(10));
        Assert.That(Version, Is.EqualTo("0.3.0"));
        Assert.That(Summary, Does.StartWith("# Kernel API Keys spec update: 0.2.0 -> 0.3.0 (minor, breaking)"));
        Assert.That(Summary, Does.Contain("while the version is 0.x a breaking change bumps the minor version"));
        Assert.That(Summary, Does.Contain("- CP0002: Member 'OnKernel.ApiKeySortBy.Name' exists on [Baseline] lib/net8.0/OnKernel.ApiKeys.dll"));
        Assert.That(Summary, Does.Contain("- CP0015: Cannot change arguments of attribute 'System.ComponentModel.DataAnnotations.RangeAttribute' on 'OnKernel.CreateApiKeyRequest.DaysToExpire'."));
        Assert.That(Summary, Does.Contain("-        [System.ComponentModel.DataAnnotations.Range(1, 3650)]\n+        [System.ComponentModel.DataAnnotations.Range(1, 365)]"));
    }
}
