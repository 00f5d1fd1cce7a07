using System.IO.Compression;
using System.Xml.Linq;
using OnKernel.ApiKeys.Tests.Infrastructure;

namespace OnKernel.ApiKeys.Tests.Packaging;

/// <summary>
/// Inspects the packed .nupkg, then installs it into a fresh console project from a local
/// folder the way a user would, and runs a create against a loopback server.
/// </summary>
[NonParallelizable]
[Category("Package")]
public class PackageConsumptionTests
{
    [Test]
    public void The_nupkg_has_both_targets_docs_readme_licence_and_only_runtime_dependencies()
    {
        var nupkg = Path.Combine(LocalPackageFeed.Feed, $"OnKernel.ApiKeys.{LocalPackageFeed.Version}.nupkg");
        Assert.That(File.Exists(Path.Combine(LocalPackageFeed.Feed, $"OnKernel.ApiKeys.{LocalPackageFeed.Version}.snupkg")), Is.True, "symbols package");

        using var zip = ZipFile.OpenRead(nupkg);
        var entries = zip.Entries.Select(e => e.FullName).ToList();
        Assert.That(entries, Has.Member("lib/netstandard2.0/OnKernel.ApiKeys.dll").And.Member("lib/net8.0/OnKernel.ApiKeys.dll"));
        Assert.That(entries, Has.Member("lib/netstandard2.0/OnKernel.ApiKeys.xml").And.Member("lib/net8.0/OnKernel.ApiKeys.xml"));
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
        Assert.That(metadata.Element(ns + "projectUrl")?.Value, Does.StartWith("https://"), "project URL");
        Assert.That(metadata.Element(ns + "repository")!.Attribute("url")?.Value, Does.StartWith("https://"), "repository URL");

        var dependencies = metadata.Descendants(ns + "dependency").Select(d => (string)d.Attribute("id")!).Distinct().ToList();
        Assert.That(dependencies, Is.SubsetOf(new[]
        {
            "Newtonsoft.Json", "System.ComponentModel.Annotations", "Microsoft.Extensions.Http",
            "Microsoft.Extensions.Logging.Abstractions", "Microsoft.Extensions.Options.ConfigurationExtensions", "Microsoft.Bcl.AsyncInterfaces", "Microsoft.Bcl.TimeProvider",
            "System.Diagnostics.DiagnosticSource",
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
        var app = await LocalPackageFeed.NewConsumerAsync("consumer-" + asset);
        await File.WriteAllTextAsync(Path.Combine(app, "Program.cs"), """
            using System.Reflection;
            using System.Runtime.Versioning;
            using OnKernel;

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

        var add = await ProcessRunner.RunAsync("dotnet", ["add", "package", "OnKernel.ApiKeys", "--version", LocalPackageFeed.Version], app, TimeSpan.FromMinutes(3));
        Assert.That(add.ExitCode, Is.EqualTo(0), add.Output);
        if (asset == "netstandard2.0")
        {
            var dll = Path.Combine(LocalPackageFeed.NuGetPackages, "onkernel.apikeys", LocalPackageFeed.Version, "lib", "netstandard2.0", "OnKernel.ApiKeys.dll");
            var project = Path.Combine(app, "Consumer.csproj");
            var xml = File.ReadAllText(project);
            Assert.That(xml, Does.Contain($"<PackageReference Include=\"OnKernel.ApiKeys\" Version=\"{LocalPackageFeed.Version}\" />"));
            // ExcludeAssets also drops the package's dependencies: add the netstandard2.0
            // group's dependencies from the package's own nuspec, as NuGet would.
            var dependencies = string.Concat(LocalPackageFeed.NetStandardDependenciesToReference("OnKernel.ApiKeys")
                .Select(d => $"<PackageReference Include=\"{d.Id}\" Version=\"{d.Version}\" />"));
            xml = xml.Replace($"<PackageReference Include=\"OnKernel.ApiKeys\" Version=\"{LocalPackageFeed.Version}\" />",
                $"<PackageReference Include=\"OnKernel.ApiKeys\" Version=\"{LocalPackageFeed.Version}\" ExcludeAssets=\"compile;runtime\" /><Reference Include=\"OnKernel.ApiKeys\" HintPath=\"{dll}\" />{dependencies}");
            File.WriteAllText(project, xml);
        }

        await using var server = LoopbackServer.Scripted(ServerAction.Respond(201, Samples.CreatedKeyJson));
        var refusedUrl = FreePort.RefusingUrl().ToString();
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
            Assert.That(request.Headers["User-Agent"], Is.EqualTo("Kernel/CSharp " + LocalPackageFeed.Version));
            Assert.That(request.Headers["Content-Type"], Does.StartWith("application/json"));
        });
        Json.AssertEquivalent("""{"name":"from-package","days_to_expire":7}""", request.Body);
    }
}
