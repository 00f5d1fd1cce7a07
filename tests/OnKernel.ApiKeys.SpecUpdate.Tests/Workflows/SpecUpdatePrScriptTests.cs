namespace OnKernel.ApiKeys.SpecUpdate.Tests.Workflows;

/// <summary>
/// build/spec-update-pr.sh, the scheduled workflow's only step, in a scratch git repository
/// with a bare "origin", a stub in place of build/regenerate.sh and a stub GitHub CLI that
/// records its calls.
/// </summary>
public class SpecUpdatePrScriptTests
{
    private ScriptSandbox _sandbox = null!;
    private string _origin = null!;

    [SetUp]
    public async Task CreateRepository()
    {
        _sandbox = new ScriptSandbox("build/spec-update-pr.sh");
        _origin = _sandbox.Path(".origin.git");
        _sandbox.Write("openapi/kernel.yaml", "openapi: 3.1.0\n");
        _sandbox.Write("build/Version.props", "<Project><PropertyGroup><Version>0.1.0</Version></PropertyGroup></Project>\n");
        _sandbox.Write("src/OnKernel.ApiKeys.Testing/PublicAPI.approved.txt", "namespace OnKernel.Testing\n");
        _sandbox.Write("src/OnKernel.ApiKeys/PublicAPI.net8.0.approved.txt", "namespace OnKernel\n");
        _sandbox.Write(".gitignore", "artifacts/\n.stub-bin/\n.origin.git/\n");
        // The stand-in for build/regenerate.sh: changes the vendored files and exits with $STUB_EXIT.
        _sandbox.Write("stub-regenerate.sh", """
            #!/usr/bin/env bash
            mkdir -p artifacts/spec-update
            printf '# Kernel API Keys spec update: 0.1.0 -> 0.2.0 (minor)\n\nbody\n' > artifacts/spec-update/summary.md
            [ "$STUB_EXIT" = 10 ] && echo "openapi: 3.1.1" > openapi/kernel.yaml && sed -i 's/0.1.0/0.2.0/' build/Version.props && echo "// new" >> src/OnKernel.ApiKeys.Testing/PublicAPI.approved.txt
            exit "$STUB_EXIT"
            """, executable: true);
        _sandbox.Stub("gh", """echo "gh $*" >> "$GH_LOG"; if [ "$1 $2" = "pr view" ]; then [ -f "$PR_EXISTS" ]; fi""");
        foreach (var args in new[] { new[] { "init", "-q", "-b", "main" }, ["config", "user.name", "t"], ["config", "user.email", "t@example.com"], ["add", "-A"], ["commit", "-qm", "init"], ["init", "-q", "--bare", _origin], ["remote", "add", "origin", _origin] })
        {
            var git = await _sandbox.GitAsync(args);
            Assert.That(git.ExitCode, Is.EqualTo(0), git.Output);
        }
    }

    [TearDown]
    public void Remove() => _sandbox.Dispose();

    private Task<ProcessRunner.Result> Run(int regenerateExit) =>
        _sandbox.RunAsync("build/spec-update-pr.sh", [], new Dictionary<string, string?>
        {
            ["REGENERATE"] = "./stub-regenerate.sh",
            ["STUB_EXIT"] = regenerateExit.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["GH_LOG"] = _sandbox.Path("gh.log"),
            ["PR_EXISTS"] = _sandbox.Path("pr-exists"),
        });

    private string[] GhCalls => File.Exists(_sandbox.Path("gh.log")) ? File.ReadAllLines(_sandbox.Path("gh.log")) : [];

    [Test]
    public async Task An_update_is_pushed_to_its_branch_and_a_pull_request_is_opened_with_the_summary()
    {
        var run = await Run(10);
        Assert.That(run.ExitCode, Is.EqualTo(0), run.Output);

        var pushed = await ProcessRunner.RunAsync("git", ["--git-dir", _origin, "show", "--stat", "--format=%s", "spec-update/kernel-spec"], _sandbox.Root, TimeSpan.FromMinutes(1));
        Assert.That(pushed.Output, Does.StartWith("Kernel API Keys spec update: 0.1.0 -> 0.2.0 (minor)"));
        Assert.That(pushed.Output, Does.Contain("openapi/kernel.yaml").And.Contain("build/Version.props").And.Contain("src/OnKernel.ApiKeys.Testing/PublicAPI.approved.txt").And.Not.Contain("summary.md"));
        Assert.That(GhCalls, Is.EqualTo(new[]
        {
            "gh pr view spec-update/kernel-spec",
            "gh pr create --base main --head spec-update/kernel-spec --title Kernel API Keys spec update: 0.1.0 -> 0.2.0 (minor) --body-file artifacts/spec-update/summary.md",
        }));
    }

    [Test]
    public async Task An_existing_pull_request_is_updated_instead()
    {
        File.WriteAllText(_sandbox.Path("pr-exists"), "");
        var run = await Run(10);
        Assert.That(run.ExitCode, Is.EqualTo(0), run.Output);
        Assert.That(GhCalls[^1], Is.EqualTo("gh pr edit spec-update/kernel-spec --title Kernel API Keys spec update: 0.1.0 -> 0.2.0 (minor) --body-file artifacts/spec-update/summary.md"));
    }

    [TestCase(0, 0, "nothing to propose")]
    [TestCase(1, 1, "the refresh failed (exit 1)")]
    public async Task No_change_or_a_failure_pushes_nothing(int regenerateExit, int expectedExit, string message)
    {
        var run = await Run(regenerateExit);
        Assert.That(run.ExitCode, Is.EqualTo(expectedExit));
        Assert.That(run.Output, Does.Contain(message));
        Assert.That(GhCalls, Is.Empty);
        var branches = await ProcessRunner.RunAsync("git", ["--git-dir", _origin, "branch", "--list"], _sandbox.Root, TimeSpan.FromMinutes(1));
        Assert.That(branches.Output.Trim(), Is.Empty);
    }
}
