using System.IO.Compression;
using System.Xml.Linq;
using OnKernel.ApiKeys.Tests.Infrastructure;

namespace OnKernel.ApiKeys.Tests.Packaging;

/// <summary>
/// Packs the library and the Testing package once for every test in this namespace, from a
/// copy of the sources (the packages must build from a clean checkout; the repository's own
/// outputs stay untouched), into a local folder feed, and makes fresh consumer projects that
/// install from it.
/// </summary>
[SetUpFixture]
public class LocalPackageFeed
{
    private static SourceTree? _sources;

    /// <summary>A version no earlier run used, so NuGet's global cache cannot serve a stale build.</summary>
    public static string Version { get; } = "0.1.0-test." + DateTime.UtcNow.ToString("yyyyMMddHHmmssfff");

    public static string Feed { get; private set; } = null!;

    public static string Work => _sources!.Root;

    public static string NuGetPackages =>
        Environment.GetEnvironmentVariable("NUGET_PACKAGES") ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");

    [OneTimeSetUp]
    public async Task Pack()
    {
        MutationRun.SkipSlowOutOfProcessTests();
        _sources = new SourceTree("kernel-package-test-");
        Feed = Path.Combine(_sources.Root, "feed");
        // Both packages, with one version: the Testing package depends on exactly this OnKernel.ApiKeys.
        foreach (var project in new[] { _sources.LibraryProject, _sources.TestingProject })
        {
            var pack = await ProcessRunner.RunAsync("dotnet",
                ["pack", project, "-c", "Release", "-o", Feed, $"-p:Version={Version}", "-nologo"],
                _sources.Root, TimeSpan.FromMinutes(5));
            Assert.That(pack.ExitCode, Is.EqualTo(0), pack.Output);
        }
    }

    [OneTimeTearDown]
    public void CleanUp()
    {
        try
        {
            _sources?.Dispose();
            foreach (var id in new[] { "onkernel.apikeys", "onkernel.apikeys.testing" })
            {
                var cached = Path.Combine(NuGetPackages, id, Version);
                if (Directory.Exists(cached))
                {
                    Directory.Delete(cached, recursive: true);
                }
            }
        }
        catch (IOException)
        {
            // Best effort: a temp folder left behind is harmless.
        }
    }

    /// <summary>The dependencies a package's nuspec declares for one target framework group, with their minimum versions.</summary>
    public static IReadOnlyList<(string Id, string Version)> NuspecDependencies(string packageId, string targetFramework)
    {
        using var zip = ZipFile.OpenRead(Path.Combine(Feed, $"{packageId}.{Version}.nupkg"));
        using var stream = zip.Entries.Single(e => e.FullName.EndsWith(".nuspec")).Open();
        var nuspec = XDocument.Load(stream);
        XNamespace ns = nuspec.Root!.GetDefaultNamespace();
        return nuspec.Descendants(ns + "group").Single(g => (string)g.Attribute("targetFramework")! == targetFramework)
            .Elements(ns + "dependency")
            .Select(d => ((string)d.Attribute("id")!, ((string)d.Attribute("version")!).Trim('[', ']', '(', ')').Split(',')[0].Trim()))
            .ToList();
    }

    /// <summary>
    /// The netstandard2.0 dependencies an app must reference itself when it forces the
    /// netstandard2.0 build (ExcludeAssets drops a package's dependencies). Packages a net10.0
    /// app's framework already has are left out: NuGet prunes them, and refuses them as
    /// direct references (NU1510).
    /// </summary>
    public static IEnumerable<(string Id, string Version)> NetStandardDependenciesToReference(params string[] packageIds) =>
        packageIds.SelectMany(id => NuspecDependencies(id, ".NETStandard2.0"))
            .Where(d => !d.Id.StartsWith("OnKernel.", StringComparison.Ordinal) && d.Id != "System.Diagnostics.DiagnosticSource")
            .GroupBy(d => d.Id)
            .Select(g => (g.Key, g.Max(d => System.Version.Parse(d.Version))!.ToString()));

    /// <summary>A console project outside the repository's props, restoring from the local feed (and nuget.org's mirror for other packages).</summary>
    /// <param name="name">The project's folder name.</param>
    /// <param name="packageReferences">PackageReference items to add.</param>
    /// <param name="testProject">A test project (for <c>dotnet test</c>) instead of a console app.</param>
    public static async Task<string> NewConsumerAsync(string name, string packageReferences = "", bool testProject = false)
    {
        var app = Path.Combine(Work, name);
        Directory.CreateDirectory(app);
        await File.WriteAllTextAsync(Path.Combine(app, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <add key="local-feed" value="{Feed}" />
              </packageSources>
            </configuration>
            """);
        await File.WriteAllTextAsync(Path.Combine(app, "Consumer.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                {(testProject ? "<IsTestProject>true</IsTestProject>" : "<OutputType>Exe</OutputType>")}
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
                <!-- NU1603 (a dependency resolved to a higher version than it asked for) is about
                     this machine's package mirror, not about the code being compiled. -->
                <NoWarn>$(NoWarn);NU1603</NoWarn>
                <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>
              </PropertyGroup>
              <ItemGroup>{packageReferences}</ItemGroup>
            </Project>
            """);
        // Outside the repository's Directory.Build.props/Directory.Packages.props reach.
        await File.WriteAllTextAsync(Path.Combine(app, "Directory.Build.props"), "<Project />");
        await File.WriteAllTextAsync(Path.Combine(app, "Directory.Packages.props"), "<Project />");
        return app;
    }
}
