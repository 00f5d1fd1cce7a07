using System.IO.Compression;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace OnKernel.ApiKeys.Tests.Packaging;

/// <summary>
/// The OnKernel.ApiKeys.Testing package: its contents and dependencies, and the README's
/// "Testing your code" example, taken from README.md, passing in a fresh NUnit project
/// that installs the package from the local feed.
/// </summary>
[NonParallelizable]
[Category("Package")]
public class TestingPackageTests
{
    private static string Nupkg => Path.Combine(LocalPackageFeed.Feed, $"OnKernel.ApiKeys.Testing.{LocalPackageFeed.Version}.nupkg");

    [Test]
    public void The_nupkg_has_both_targets_docs_readme_licence_and_depends_on_the_same_client_version()
    {
        using var zip = ZipFile.OpenRead(Nupkg);
        var entries = zip.Entries.Select(e => e.FullName).ToList();
        Assert.That(entries, Has.Member("lib/netstandard2.0/OnKernel.ApiKeys.Testing.dll").And.Member("lib/net8.0/OnKernel.ApiKeys.Testing.dll"));
        Assert.That(entries, Has.Member("lib/netstandard2.0/OnKernel.ApiKeys.Testing.xml").And.Member("lib/net8.0/OnKernel.ApiKeys.Testing.xml"));
        Assert.That(entries, Has.Member("README.md"));
        Assert.That(entries.Where(e => e.EndsWith("/OnKernel.ApiKeys.dll", StringComparison.Ordinal)), Is.Empty, "the client comes as a dependency, not a copy");

        using var stream = zip.Entries.Single(e => e.FullName.EndsWith(".nuspec")).Open();
        var nuspec = XDocument.Load(stream);
        XNamespace ns = nuspec.Root!.GetDefaultNamespace();
        var metadata = nuspec.Root.Element(ns + "metadata")!;
        Assert.That(metadata.Element(ns + "id")!.Value, Is.EqualTo("OnKernel.ApiKeys.Testing"));
        Assert.That(metadata.Element(ns + "license")!.Value, Is.EqualTo("MIT"));
        Assert.That(metadata.Element(ns + "readme")!.Value, Is.EqualTo("README.md"));
        Assert.That(metadata.Element(ns + "projectUrl")?.Value, Does.StartWith("https://"));
        Assert.That(metadata.Element(ns + "repository")!.Attribute("url")?.Value, Does.StartWith("https://"));

        var groups = metadata.Descendants(ns + "group").ToDictionary(
            g => (string)g.Attribute("targetFramework")!,
            g => g.Elements(ns + "dependency").ToDictionary(d => (string)d.Attribute("id")!, d => (string)d.Attribute("version")!));
        Assert.That(groups.Keys, Is.EquivalentTo(new[] { ".NETStandard2.0", "net8.0" }));
        Assert.That(groups.Values.Select(g => g["OnKernel.ApiKeys"]), Has.All.EqualTo(LocalPackageFeed.Version));
        Assert.That(groups[".NETStandard2.0"].Keys, Has.Member("Microsoft.Bcl.TimeProvider"));
        Assert.That(groups["net8.0"].Keys, Is.SubsetOf(new[] { "OnKernel.ApiKeys", "Newtonsoft.Json" }));
    }

    /// <param name="asset">
    /// The builds the test runs on: net8.0 (what NuGet picks here) or netstandard2.0 (what
    /// .NET Framework test projects get), forced by referencing both packages' netstandard2.0
    /// dlls with the dependencies their nuspecs declare for that group.
    /// </param>
    [TestCase("net8.0")]
    [TestCase("netstandard2.0")]
    public async Task The_readme_testing_example_passes_in_a_fresh_nunit_project(string asset)
    {
        var versions = CentralVersions();
        string Reference(string id, string version, string extra = "") => $"<PackageReference Include=\"{id}\" Version=\"{version}\"{extra} />";
        var testing = asset == "net8.0"
            ? Reference("OnKernel.ApiKeys.Testing", LocalPackageFeed.Version)
            : NetStandardReferences(Reference);
        var app = await LocalPackageFeed.NewConsumerAsync("consumer-testing-" + asset, string.Concat(
            testing,
            Reference("Microsoft.Extensions.TimeProvider.Testing", versions["Microsoft.Extensions.TimeProvider.Testing"]),
            Reference("NUnit", versions["NUnit"]),
            Reference("NUnit3TestAdapter", versions["NUnit3TestAdapter"]),
            Reference("Microsoft.NET.Test.Sdk", versions["Microsoft.NET.Test.Sdk"])), testProject: true);
        await File.WriteAllTextAsync(Path.Combine(app, "KeyRotationJobTests.cs"), ReadmeTestingExample());
        await File.WriteAllTextAsync(Path.Combine(app, "AssetTests.cs"), $$"""
            using System.Reflection;
            using System.Runtime.Versioning;
            using NUnit.Framework;

            public class AssetTests
            {
                [Test]
                public void Runs_the_expected_builds()
                {
                    foreach (var type in new[] { typeof(OnKernel.Testing.FakeKernel), typeof(OnKernel.KernelClient) })
                    {
                        Assert.That(type.Assembly.GetCustomAttribute<TargetFrameworkAttribute>()!.FrameworkName, Is.EqualTo("{{(asset == "net8.0" ? ".NETCoreApp,Version=v8.0" : ".NETStandard,Version=v2.0")}}"));
                    }
                }
            }
            """);

        var stopwatch = System.Diagnostics.Stopwatch.StartNew();
        var test = await ProcessRunner.RunAsync("dotnet", ["test", "-nologo"], app, TimeSpan.FromMinutes(5));
        TestContext.Progress.WriteLine($"[package] README testing example ({asset}): restore, build and dotnet test in a fresh project took {stopwatch.Elapsed.TotalSeconds:F1} s; {test.Output.Split('\n').LastOrDefault(l => l.Contains("Passed", StringComparison.Ordinal))?.Trim()}");

        Assert.That(test.ExitCode, Is.EqualTo(0), test.Output);
        Assert.That(test.Output, Does.Match(@"Passed:\s+2\b").And.Match(@"Failed:\s+0\b"), test.Output);
    }

    /// <summary>
    /// The Testing package without its assets (ExcludeAssets drops its dependencies' too),
    /// both packages' netstandard2.0 dlls by path, and the other dependencies their nuspecs
    /// declare for that group, as NuGet would add them.
    /// </summary>
    private static string NetStandardReferences(Func<string, string, string, string> reference)
    {
        string Dll(string id) => Path.Combine(LocalPackageFeed.NuGetPackages, id.ToLowerInvariant(), LocalPackageFeed.Version, "lib", "netstandard2.0", id + ".dll");
        var dependencies = LocalPackageFeed.NetStandardDependenciesToReference("OnKernel.ApiKeys", "OnKernel.ApiKeys.Testing")
            .Select(d => reference(d.Id, d.Version, ""));
        return reference("OnKernel.ApiKeys.Testing", LocalPackageFeed.Version, " ExcludeAssets=\"compile;runtime\"")
            + $"<Reference Include=\"OnKernel.ApiKeys.Testing\" HintPath=\"{Dll("OnKernel.ApiKeys.Testing")}\" />"
            + $"<Reference Include=\"OnKernel.ApiKeys\" HintPath=\"{Dll("OnKernel.ApiKeys")}\" />"
            + string.Concat(dependencies);
    }

    /// <summary>The C# block of README.md that holds the rotation job's test, exactly as a user would copy it.</summary>
    private static string ReadmeTestingExample()
    {
        var readme = File.ReadAllText(RepoPaths.Combine("README.md")).Replace("\r\n", "\n");
        var blocks = Regex.Matches(readme, "```csharp\n(.*?)```", RegexOptions.Singleline).Select(m => m.Groups[1].Value).ToList();
        return blocks.Single(b => b.Contains("public class KeyRotationJobTests", StringComparison.Ordinal));
    }

    /// <summary>The repository's own package versions, so the fresh project tests with what the repository tests with.</summary>
    private static Dictionary<string, string> CentralVersions() =>
        XDocument.Load(RepoPaths.Combine("Directory.Packages.props")).Descendants("PackageVersion")
            .ToDictionary(e => (string)e.Attribute("Include")!, e => (string)e.Attribute("Version")!);
}
