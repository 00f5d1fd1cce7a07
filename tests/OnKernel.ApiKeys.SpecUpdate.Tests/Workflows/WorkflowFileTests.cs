using YamlDotNet.RepresentationModel;

namespace OnKernel.ApiKeys.SpecUpdate.Tests.Workflows;

/// <summary>
/// The GitHub Actions workflows parse, have the triggers they are for, and are thin callers:
/// every <c>run:</c> step calls one of the repository's scripts, each tested here or run by CI.
/// </summary>
public class WorkflowFileTests
{
    // Scripts a workflow may call, and the tests that cover each.
    private static readonly Dictionary<string, string> TestedScripts = new()
    {
        ["./.ci/run"] = "CI itself runs it on every submission",
        ["./build/test.sh"] = "the README's test command (.ci/run)",
        ["./build/pack.sh"] = "packing is tested by the package tests",
        ["./build/release.sh"] = nameof(ReleaseScriptTests),
        ["./build/spec-update-pr.sh"] = nameof(SpecUpdatePrScriptTests),
    };

    private static YamlMappingNode Load(string name)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(File.ReadAllText(RepoPaths.Combine(".github", "workflows", name))));
        return (YamlMappingNode)stream.Documents[0].RootNode;
    }

    private static YamlMappingNode Map(YamlNode node, string key) => (YamlMappingNode)((YamlMappingNode)node).Children[new YamlScalarNode(key)];

    private static string? Text(YamlNode node, string key) =>
        ((YamlMappingNode)node).Children.TryGetValue(new YamlScalarNode(key), out var value) ? (value as YamlScalarNode)?.Value : null;

    private static IEnumerable<YamlMappingNode> Steps(YamlMappingNode workflow) =>
        Map(workflow, "jobs").Children.Values.SelectMany(job => ((YamlSequenceNode)((YamlMappingNode)job).Children[new YamlScalarNode("steps")]).Cast<YamlMappingNode>());

    public static IEnumerable<string> Workflows() =>
        Directory.EnumerateFiles(RepoPaths.Combine(".github", "workflows"), "*.yml").Select(Path.GetFileName).Order()!;

    [Test]
    public void There_are_the_three_workflows() =>
        Assert.That(Workflows(), Is.EqualTo(new[] { "ci.yml", "release.yml", "spec-update.yml" }));

    [TestCaseSource(nameof(Workflows))]
    public void Every_job_runs_on_a_hosted_runner_with_steps_that_only_call_tested_scripts(string file)
    {
        var workflow = Load(file);
        Assert.That(Text(workflow, "name"), Is.Not.Empty);
        Assert.That(workflow.Children.ContainsKey(new YamlScalarNode("on")), Is.True, "a trigger");
        foreach (var (_, job) in Map(workflow, "jobs").Children)
        {
            Assert.That(Text(job, "runs-on"), Is.EqualTo("ubuntu-latest"));
        }

        var runs = Steps(workflow).Select(s => Text(s, "run")).OfType<string>().ToList();
        Assert.That(runs, Is.Not.Empty);
        foreach (var run in runs)
        {
            var script = run.Split(' ')[0];
            Assert.That(TestedScripts.Keys, Has.Member(script), $"{file}: '{run}' is not one of the tested scripts");
            Assert.That(File.Exists(RepoPaths.Combine(script)), Is.True, script);
        }

        Assert.That(Steps(workflow).All(s => Text(s, "run") is not null || Text(s, "uses") is not null), Is.True, "every step runs or uses something");
    }

    [Test]
    public void The_spec_update_runs_daily_and_on_demand_and_may_open_pull_requests()
    {
        var workflow = Load("spec-update.yml");
        var on = Map(workflow, "on");
        var cron = Text(((YamlSequenceNode)on.Children[new YamlScalarNode("schedule")])[0], "cron")!;
        Assert.That(cron.Split(' '), Has.Length.EqualTo(5));
        Assert.That(cron.Split(' ')[2..], Is.EqualTo(new[] { "*", "*", "*" }), "every day");
        Assert.That(on.Children.ContainsKey(new YamlScalarNode("workflow_dispatch")), Is.True);
        Assert.That(Text(Map(workflow, "permissions"), "pull-requests"), Is.EqualTo("write"));
        Assert.That(Steps(workflow).Select(s => Text(s, "run")), Has.Member("./build/spec-update-pr.sh"));
    }

    [Test]
    public void Pull_requests_run_the_readme_test_command()
    {
        var workflow = Load("ci.yml");
        Assert.That(Map(workflow, "on").Children.ContainsKey(new YamlScalarNode("pull_request")), Is.True);
        Assert.That(Steps(workflow).Select(s => Text(s, "run")), Has.Member("./.ci/run"));
    }

    [Test]
    public void A_version_tag_packs_and_publishes_with_the_key_from_a_secret()
    {
        var workflow = Load("release.yml");
        var tags = (YamlSequenceNode)Map(Map(workflow, "on"), "push").Children[new YamlScalarNode("tags")];
        Assert.That(((YamlScalarNode)tags[0]).Value, Is.EqualTo("v*"));
        var publish = Steps(workflow).Single(s => Text(s, "run")?.StartsWith("./build/release.sh", StringComparison.Ordinal) == true);
        Assert.That(Text(Map(publish, "env"), "NUGET_API_KEY"), Is.EqualTo("${{ secrets.NUGET_API_KEY }}"));
        Assert.That(Steps(workflow).Select(s => Text(s, "run")).OfType<string>().ToList(), Is.EqualTo(new[] { "./build/test.sh", "./build/pack.sh", "./build/release.sh \"${{ github.ref_name }}\"" }));
    }
}
