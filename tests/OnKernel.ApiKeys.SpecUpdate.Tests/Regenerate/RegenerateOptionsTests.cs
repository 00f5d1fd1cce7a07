using OnKernel.ApiKeys.SpecUpdate.Regenerate;

namespace OnKernel.ApiKeys.SpecUpdate.Tests.Regenerate;

public class RegenerateOptionsTests
{
    [Test]
    public void Defaults_are_Kernels_published_spec_the_test_command_and_artifacts()
    {
        var options = RegenerateOptions.Parse(["--root", "/repo"], out var error)!;
        Assert.That(error, Is.Null);
        Assert.That(options.Source, Is.EqualTo("https://app.stainless.com/api/spec/documented/kernel/openapi.documented.yml"));
        Assert.That((options.Root, options.Tests, options.Baseline, options.Out), Is.EqualTo(("/repo", "./build/test.sh", (string?)null, "/repo/artifacts/spec-update")));
    }

    [Test]
    public void Everything_can_be_given()
    {
        var options = RegenerateOptions.Parse(["spec.yaml", "--tests", "true", "--baseline", "/b/p.nupkg", "--root", "/r", "--out", "o"], out _)!;
        Assert.That((options.Source, options.Tests, options.Baseline, options.Out), Is.EqualTo(("spec.yaml", "true", "/b/p.nupkg", "/r/o")));
    }

    [TestCase("--tests", "--tests needs a value")]
    [TestCase("--bogus", "unknown option --bogus")]
    [TestCase("a.yaml b.yaml", "unexpected argument b.yaml")]
    public void Usage_errors_say_what_is_wrong(string commandLine, string expected)
    {
        Assert.That(RegenerateOptions.Parse(commandLine.Split(' '), out var error), Is.Null);
        Assert.That(error, Is.EqualTo(expected));
    }

    [Test]
    public void The_update_command_defaults_to_the_same_source() =>
        Assert.That(Options.Parse([], out _)!.Input, Is.EqualTo(RegenerateOptions.Parse([], out _)!.Source));
}
