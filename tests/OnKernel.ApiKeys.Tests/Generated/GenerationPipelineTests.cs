using OnKernel.ApiKeys.Tests.Infrastructure;

namespace OnKernel.ApiKeys.Tests.Generated;

/// <summary>
/// The build-time generation in build/NSwagGeneration.targets, on a copy of the sources:
/// a first build generates, a no-op build does not, a spec change regenerates and reaches
/// the compiled code, and a broken spec fails the build with NSwag's own message.
/// </summary>
[NonParallelizable]
[Category("Build")]
public class GenerationPipelineTests
{
    [SetUp]
    public void NotDuringMutationRuns() => MutationRun.SkipSlowOutOfProcessTests();

    private static async Task<ProcessRunner.Result> Build(SourceTree tree) =>
        await ProcessRunner.RunAsync("dotnet", ["build", tree.LibraryProject, "-nologo", "-v:n", "-p:TargetFramework=net8.0"], tree.Root, TimeSpan.FromMinutes(5));

    private static int Regenerations(ProcessRunner.Result result) =>
        result.Output.Split('\n').Count(l => l.Contains("): regenerated ") && !l.Contains("Message"));

    [Test]
    public async Task Generation_is_incremental_follows_the_spec_and_fails_loudly()
    {
        using var tree = new SourceTree("kernel-generation-test-");
        var generated = tree.Path("src", "OnKernel.ApiKeys", "obj", "Debug", "net8.0", "OnKernel.ApiKeys.g.cs");

        var cold = await Build(tree);
        Assert.That(cold.ExitCode, Is.EqualTo(0), cold.Output);
        Assert.That(Regenerations(cold), Is.EqualTo(1), "a first build generates");
        Assert.That(File.ReadAllText(generated), Does.Contain("public int? DaysToExpire"));

        var noOp = await Build(tree);
        Assert.That(noOp.ExitCode, Is.EqualTo(0), noOp.Output);
        Assert.That(Regenerations(noOp), Is.EqualTo(0), "a no-op build does not run the generator");

        var spec = tree.Path("openapi", "kernel.yaml");
        File.WriteAllText(spec, File.ReadAllText(spec).Replace("description: API key name (1-255 characters)", "description: The key's name, shown in the dashboard"));
        var changed = await Build(tree);
        Assert.That(changed.ExitCode, Is.EqualTo(0), changed.Output);
        Assert.That(Regenerations(changed), Is.EqualTo(1), "a spec change regenerates");
        Assert.That(File.ReadAllText(generated), Does.Contain("The key's name, shown in the dashboard"));

        var settings = tree.Path("nswag.json");
        File.WriteAllText(settings, File.ReadAllText(settings).Replace("\"generateDataAnnotations\": true,", "\"generateDataAnnotations\": true, "));
        var settingsChanged = await Build(tree);
        Assert.That(Regenerations(settingsChanged), Is.EqualTo(1), "an nswag.json change regenerates");

        File.AppendAllText(spec, "\nbroken: [\n");
        var broken = await Build(tree);
        Assert.That(broken.ExitCode, Is.Not.EqualTo(0));
        Assert.That(broken.Output, Does.Contain("error KGEN001").And.Contain("NSwag failed to generate the client").And.Contain("YAML line"));
    }
}
