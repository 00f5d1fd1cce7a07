using System.IO.Compression;

namespace OnKernel.ApiKeys.SpecUpdate.Tests.Workflows;

/// <summary>build/release.sh, the release workflow's publish step, pushing to a local folder feed.</summary>
public class ReleaseScriptTests
{
    private ScriptSandbox _sandbox = null!;

    [SetUp]
    public void CreateTree()
    {
        _sandbox = new ScriptSandbox("build/release.sh");
        _sandbox.Write("build/Version.props", "<Project><PropertyGroup><Version>0.3.0</Version></PropertyGroup></Project>\n");
        Directory.CreateDirectory(_sandbox.Path("artifacts"));
        foreach (var id in new[] { "OnKernel.ApiKeys", "OnKernel.ApiKeys.Testing" })
        {
            using var zip = ZipFile.Open(_sandbox.Path($"artifacts/{id}.0.3.0.nupkg"), ZipArchiveMode.Create);
            using var nuspec = new StreamWriter(zip.CreateEntry($"{id}.nuspec").Open());
            nuspec.Write($"""<?xml version="1.0"?><package xmlns="http://schemas.microsoft.com/packaging/2013/05/nuspec.xsd"><metadata><id>{id}</id><version>0.3.0</version><authors>t</authors><description>t</description></metadata></package>""");
        }
    }

    [TearDown]
    public void Remove() => _sandbox.Dispose();

    private Task<ProcessRunner.Result> Release(string tag, string? key = "test-key") =>
        _sandbox.RunAsync("build/release.sh", [tag], new Dictionary<string, string?> { ["NUGET_API_KEY"] = key, ["NUGET_SOURCE"] = _sandbox.Path("feed") });

    [Test]
    public async Task A_matching_tag_publishes_every_package_of_that_version()
    {
        Directory.CreateDirectory(_sandbox.Path("feed"));
        var run = await Release("v0.3.0");
        Assert.That(run.ExitCode, Is.EqualTo(0), run.Output);
        var pushed = Directory.EnumerateFiles(_sandbox.Path("feed"), "*.nupkg", SearchOption.AllDirectories).Select(f => Path.GetFileName(f).ToLowerInvariant()).Order();
        Assert.That(pushed, Is.EqualTo(new[] { "onkernel.apikeys.0.3.0.nupkg", "onkernel.apikeys.testing.0.3.0.nupkg" }), run.Output);
    }

    [Test]
    public async Task A_tag_that_is_not_the_package_version_publishes_nothing()
    {
        var run = await Release("v0.4.0");
        Assert.That(run.ExitCode, Is.EqualTo(1));
        Assert.That(run.Output, Does.Contain("tag v0.4.0 does not match the package version 0.3.0"));
        Assert.That(Directory.Exists(_sandbox.Path("feed")), Is.False);
    }

    [Test]
    public async Task Without_the_key_nothing_is_published()
    {
        var run = await Release("v0.3.0", key: "");
        Assert.That(run.ExitCode, Is.Not.EqualTo(0));
        Assert.That(run.Output, Does.Contain("NUGET_API_KEY is not set"));
    }
}
