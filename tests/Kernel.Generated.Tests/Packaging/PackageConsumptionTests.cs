using System.IO.Compression;
using System.Xml.Linq;
using Kernel.Generated.Tests.Infrastructure;

namespace Kernel.Generated.Tests.Packaging;

/// <summary>
/// Packs the library, inspects the .nupkg, then installs it into a fresh console project
/// from a local folder the way a user would, and runs a create against a loopback server.
/// </summary>
[NonParallelizable]
[Category("Package")]
public class PackageConsumptionTests
{
    // A version no earlier run used, so NuGet's global cache cannot serve a stale build.
    private readonly string _version = "0.1.0-test." + DateTime.UtcNow.ToString("yyyyMMddHHmmssfff");
    private SourceTree _sources = null!;
    private string _work = null!;
    private string _feed = null!;

    [OneTimeSetUp]
    public async Task Pack()
    {
        _sources = new SourceTree("kernel-package-test-");
        _work = _sources.Root;
        _feed = Path.Combine(_work, "feed");

        // Pack a copy of the sources: the package must build from a clean checkout, and
        // the repository's own build outputs stay untouched.
        var pack = await ProcessRunner.RunAsync("dotnet",
            ["pack", _sources.LibraryProject, "-c", "Release", "-o", _feed, $"-p:Version={_version}", "-nologo"],
            _sources.Root, TimeSpan.FromMinutes(5));
        Assert.That(pack.ExitCode, Is.EqualTo(0), pack.Output);
    }

    [OneTimeTearDown]
    public void CleanUp()
    {
        try
        {
            _sources.Dispose();
            var cached = Path.Combine(Environment.GetEnvironmentVariable("NUGET_PACKAGES") ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages"), "kernel.generated", _version);
            if (Directory.Exists(cached))
            {
                Directory.Delete(cached, recursive: true);
            }
        }
        catch (IOException)
        {
            // Best effort: a temp folder left behind is harmless.
        }
    }

    private IEnumerable<(string Id, string Version)> NuspecDependencies(string targetFramework)
    {
        using var zip = ZipFile.OpenRead(Path.Combine(_feed, $"Kernel.Generated.{_version}.nupkg"));
        using var stream = zip.Entries.Single(e => e.FullName.EndsWith(".nuspec")).Open();
        var nuspec = XDocument.Load(stream);
        XNamespace ns = nuspec.Root!.GetDefaultNamespace();
        return nuspec.Descendants(ns + "group").Single(g => (string)g.Attribute("targetFramework")! == targetFramework)
            .Elements(ns + "dependency")
            .Select(d => ((string)d.Attribute("id")!, ((string)d.Attribute("version")!).Trim('[', ']', '(', ')').Split(',')[0].Trim()))
            .ToList();
    }

    [Test]
    public void The_nupkg_has_both_targets_docs_readme_licence_and_only_runtime_dependencies()
    {
        var nupkg = Path.Combine(_feed, $"Kernel.Generated.{_version}.nupkg");
        Assert.That(File.Exists(Path.Combine(_feed, $"Kernel.Generated.{_version}.snupkg")), Is.True, "symbols package");

        using var zip = ZipFile.OpenRead(nupkg);
        var entries = zip.Entries.Select(e => e.FullName).ToList();
        Assert.That(entries, Has.Member("lib/netstandard2.0/Kernel.Generated.dll").And.Member("lib/net8.0/Kernel.Generated.dll"));
        Assert.That(entries, Has.Member("lib/netstandard2.0/Kernel.Generated.xml").And.Member("lib/net8.0/Kernel.Generated.xml"));
        Assert.That(entries, Has.Member("README.md"));
        Assert.That(entries.Where(e => e.Contains("CodeGen") || e.Contains("SpecUpdate")), Is.Empty, "no build tool inside");

        using var nuspecStream = zip.Entries.Single(e => e.FullName.EndsWith(".nuspec")).Open();
        var nuspec = XDocument.Load(nuspecStream);
        XNamespace ns = nuspec.Root!.GetDefaultNamespace();
        var metadata = nuspec.Root.Element(ns + "metadata")!;
        Assert.That(metadata.Element(ns + "license")!.Value, Is.EqualTo("MIT"));
        Assert.That(metadata.Element(ns + "readme")!.Value, Is.EqualTo("README.md"));
        Assert.That(metadata.Element(ns + "description")!.Value, Does.Contain("API Keys"));
        Assert.That(metadata.Element(ns + "repository"), Is.Not.Null, "SourceLink repository metadata");

        var dependencies = metadata.Descendants(ns + "dependency").Select(d => (string)d.Attribute("id")!).Distinct().ToList();
        Assert.That(dependencies, Is.SubsetOf(new[]
        {
            "Newtonsoft.Json", "System.ComponentModel.Annotations", "Microsoft.Extensions.Http",
            "Microsoft.Extensions.Logging.Abstractions", "Microsoft.Extensions.Options.ConfigurationExtensions", "Microsoft.Bcl.AsyncInterfaces",
        }));
        Assert.That(dependencies, Has.None.StartsWith("NSwag").And.None.StartsWith("Kernel."));
        var groups = metadata.Descendants(ns + "group").Select(g => (string)g.Attribute("targetFramework")!).ToList();
        Assert.That(groups, Is.EquivalentTo(new[] { ".NETStandard2.0", "net8.0" }));
    }

    /// <param name="asset">
    /// The library build the app runs: net8.0 (what NuGet picks for a modern app) or
    /// netstandard2.0 (what .NET Framework and older apps get), forced by referencing that
    /// dll from the installed package, so both builds are exercised on this machine.
    /// </param>
    [TestCase("net8.0")]
    [TestCase("netstandard2.0")]
    public async Task A_fresh_console_app_installs_the_package_and_creates_a_key(string asset)
    {
        var app = Path.Combine(_work, "consumer-" + asset);
        Directory.CreateDirectory(app);
        await File.WriteAllTextAsync(Path.Combine(app, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <add key="local-feed" value="{_feed}" />
              </packageSources>
            </configuration>
            """);
        await File.WriteAllTextAsync(Path.Combine(app, "Consumer.csproj"), """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
                <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>
              </PropertyGroup>
            </Project>
            """);
        // Outside the repository's Directory.Build.props/Directory.Packages.props reach.
        await File.WriteAllTextAsync(Path.Combine(app, "Directory.Build.props"), "<Project />");
        await File.WriteAllTextAsync(Path.Combine(app, "Directory.Packages.props"), "<Project />");
        await File.WriteAllTextAsync(Path.Combine(app, "Program.cs"), """
            using System.Reflection;
            using System.Runtime.Versioning;
            using Kernel;

            Console.WriteLine("asset " + typeof(KernelClient).Assembly.GetCustomAttribute<TargetFrameworkAttribute>()!.FrameworkName);
            var client = new KernelClient(new KernelClientOptions { ApiKey = "sk_package_test", BaseUrl = new Uri(args[0]) });
            CreatedApiKey key = await client.ApiKeys.CreateAsync("from-package", daysToExpire: 7);
            Console.WriteLine($"created {key.Id} {key.MaskedKey} expires {key.ExpiresAt:yyyy-MM-dd} plaintext-length {key.Key.Length}");

            // Nothing listens on args[1]: the request never left, so even a create is retried.
            var refused = new KernelClient(new KernelClientOptions { ApiKey = "sk_package_test", BaseUrl = new Uri(args[1]), MaxRetries = 1 });
            try
            {
                await refused.ApiKeys.CreateAsync("never-sent");
            }
            catch (KernelConnectionException ex)
            {
                Console.WriteLine($"refused after {ex.Attempts} attempts: {ex.Message}");
            }
            """);

        var add = await ProcessRunner.RunAsync("dotnet", ["add", "package", "Kernel.Generated", "--version", _version], app, TimeSpan.FromMinutes(3));
        Assert.That(add.ExitCode, Is.EqualTo(0), add.Output);
        if (asset == "netstandard2.0")
        {
            var packages = Environment.GetEnvironmentVariable("NUGET_PACKAGES") ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
            var dll = Path.Combine(packages, "kernel.generated", _version, "lib", "netstandard2.0", "Kernel.Generated.dll");
            var project = Path.Combine(app, "Consumer.csproj");
            var xml = File.ReadAllText(project);
            Assert.That(xml, Does.Contain($"<PackageReference Include=\"Kernel.Generated\" Version=\"{_version}\" />"));
            // ExcludeAssets also drops the package's dependencies: add the netstandard2.0
            // group's dependencies from the package's own nuspec, as NuGet would.
            var dependencies = string.Concat(NuspecDependencies(".NETStandard2.0").Select(d => $"<PackageReference Include=\"{d.Id}\" Version=\"{d.Version}\" />"));
            xml = xml.Replace($"<PackageReference Include=\"Kernel.Generated\" Version=\"{_version}\" />",
                $"<PackageReference Include=\"Kernel.Generated\" Version=\"{_version}\" ExcludeAssets=\"compile;runtime\" /><Reference Include=\"Kernel.Generated\" HintPath=\"{dll}\" />{dependencies}");
            File.WriteAllText(project, xml);
        }

        await using var server = LoopbackServer.Scripted(ServerAction.Respond(201, Samples.CreatedKeyJson));
        var probe = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        probe.Start();
        var refusedUrl = $"http://127.0.0.1:{((System.Net.IPEndPoint)probe.LocalEndpoint).Port}/";
        probe.Stop();
        var run = await ProcessRunner.RunAsync("dotnet", ["run", "--", server.BaseUrl.ToString(), refusedUrl], app, TimeSpan.FromMinutes(3));

        Assert.That(run.ExitCode, Is.EqualTo(0), run.Output);
        Assert.That(run.Output, Does.Contain(asset == "net8.0" ? "asset .NETCoreApp,Version=v8.0" : "asset .NETStandard,Version=v2.0"));
        Assert.That(run.Output, Does.Contain("refused after 2 attempts: POST org/api_keys failed: could not connect"));
        Assert.That(run.Output, Does.Contain($"created ckv9w8q2f000001l5r3j7k9m4 sk_live_...cdef expires 2026-12-26 plaintext-length {Samples.PlaintextKey.Length}"));

        var request = server.Requests.Single();
        Assert.Multiple(() =>
        {
            Assert.That(request.Method, Is.EqualTo("POST"));
            Assert.That(request.Path, Is.EqualTo("/org/api_keys"));
            Assert.That(request.Headers["Authorization"], Is.EqualTo("Bearer sk_package_test"));
            Assert.That(request.Headers["User-Agent"], Is.EqualTo("Kernel/CSharp " + _version));
            Assert.That(request.Headers["Content-Type"], Does.StartWith("application/json"));
        });
        Json.AssertEquivalent("""{"name":"from-package","days_to_expire":7}""", request.Body);
    }
}
