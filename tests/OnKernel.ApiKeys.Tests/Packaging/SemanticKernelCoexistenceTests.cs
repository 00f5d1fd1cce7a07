using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace OnKernel.ApiKeys.Tests.Packaging;

/// <summary>
/// Kernel's .NET users build agents with Semantic Kernel. A project referencing this package
/// and Microsoft.SemanticKernel 1.82.0 must compile ordinary Semantic Kernel code, with or
/// without our namespace imported, and no public type of ours may share a simple name with
/// one in namespace Microsoft.SemanticKernel.
/// </summary>
[NonParallelizable]
[Category("Package")]
public class SemanticKernelCoexistenceTests
{
    private const string SemanticKernelVersion = "1.82.0";
    private string _bin = null!;

    [OneTimeSetUp]
    public async Task BuildAConsumerOfBoth()
    {
        var app = await LocalPackageFeed.NewConsumerAsync("consumer-semantic-kernel",
            $"""<PackageReference Include="OnKernel.ApiKeys" Version="{LocalPackageFeed.Version}" /><PackageReference Include="Microsoft.SemanticKernel" Version="{SemanticKernelVersion}" />""");

        // Both namespaces imported: Kernel is Semantic Kernel's, KernelException too, and every
        // type of our exception family is named without qualification.
        await File.WriteAllTextAsync(Path.Combine(app, "BothNamespaces.cs"), """
            using Microsoft.SemanticKernel;
            using OnKernel;

            static class BothNamespaces
            {
                public static async Task<string> RunAsync(Uri baseUrl)
                {
                    Kernel sk = Kernel.CreateBuilder().Build();
                    using var client = new KernelClient(new KernelClientOptions { ApiKey = "sk_coexist", BaseUrl = baseUrl, MaxRetries = 0 });
                    try
                    {
                        await client.ApiKeys.GetAsync("k1");
                        return "no error";
                    }
                    catch (KernelOutcomeUnknownException ex) { return ex.GetType().Name; }
                    catch (KernelInvalidResponseException ex) { return ex.GetType().Name; }
                    catch (KernelTimeoutException ex) { return ex.GetType().Name; }
                    catch (KernelConnectionException ex) { return ex.GetType().Name; }
                    catch (KernelBadRequestException ex) { return ex.GetType().Name; }
                    catch (KernelAuthenticationException ex) { return ex.GetType().Name; }
                    catch (KernelPermissionDeniedException ex) { return ex.GetType().Name; }
                    catch (KernelNotFoundException ex) { return ex.GetType().Name; }
                    catch (KernelConflictException ex) { return ex.GetType().Name; }
                    catch (KernelUnprocessableEntityException ex) { return ex.GetType().Name; }
                    catch (KernelRateLimitException ex) { return ex.GetType().Name; }
                    catch (KernelServerException ex) { return ex.GetType().Name; }
                    catch (KernelApiException ex) { return ex.GetType().Name; }
                    catch (OnKernelException ex) { return ex.GetType().Name; }
                    catch (KernelException ex) { return "Semantic Kernel's " + ex.GetType().Name + " " + sk.Plugins.Count; }
                }
            }
            """);
        // Semantic Kernel alone, our namespace not imported: the root namespace must not hide Kernel.
        await File.WriteAllTextAsync(Path.Combine(app, "SemanticKernelOnly.cs"), """
            using Microsoft.SemanticKernel;

            static class SemanticKernelOnly
            {
                public static Kernel Build() => Kernel.CreateBuilder().Build();
            }
            """);
        await File.WriteAllTextAsync(Path.Combine(app, "Program.cs"), """
            Console.WriteLine(SemanticKernelOnly.Build().GetType().FullName);
            Console.WriteLine(await BothNamespaces.RunAsync(new Uri(args[0])));
            """);

        var build = await ProcessRunner.RunAsync("dotnet", ["build", "-c", "Release", "-nologo", "-o", Path.Combine(app, "out")], app, TimeSpan.FromMinutes(5));
        Assert.That(build.ExitCode, Is.EqualTo(0), build.Output);
        _bin = Path.Combine(app, "out");
    }

    [Test]
    public async Task Code_using_both_packages_compiles_and_runs()
    {
        await using var server = Infrastructure.LoopbackServer.Scripted(Infrastructure.ServerAction.Respond(404, """{"code":"not_found","message":"no such key"}"""));
        var run = await ProcessRunner.RunAsync("dotnet", [Path.Combine(_bin, "Consumer.dll"), server.BaseUrl.ToString()], _bin, TimeSpan.FromMinutes(1));
        Assert.That(run.ExitCode, Is.EqualTo(0), run.Output);
        Assert.That(run.Output.Split('\n').Select(l => l.Trim()), Is.SupersetOf(new[] { "Microsoft.SemanticKernel.Kernel", "KernelNotFoundException" }));
    }

    [Test]
    public void No_public_type_shares_a_simple_name_with_Microsoft_SemanticKernel()
    {
        var ours = PublicTypes(Path.Combine(_bin, "OnKernel.ApiKeys.dll")).Select(t => t.Name).ToHashSet();
        var semanticKernel = new[] { "Microsoft.SemanticKernel.Abstractions.dll", "Microsoft.SemanticKernel.Core.dll" }
            .SelectMany(dll => PublicTypes(Path.Combine(_bin, dll)))
            .Where(t => t.Namespace == "Microsoft.SemanticKernel")
            .Select(t => t.Name)
            .ToList();

        Assert.That(semanticKernel, Has.Member("Kernel").And.Member("KernelException"), "the listing reads Semantic Kernel's types");
        Assert.That(ours, Has.Member("KernelClient").And.Member("OnKernelException"), "the listing reads our types");
        Assert.That(ours.Intersect(semanticKernel), Is.Empty);
        Assert.That(PublicTypes(Path.Combine(_bin, "OnKernel.ApiKeys.dll")).Select(t => t.Namespace),
            Has.None.EqualTo("Kernel").And.None.StartsWith("Kernel."));
    }

    /// <summary>Top-level public types of an assembly, read from metadata without loading it.</summary>
    private static List<(string Namespace, string Name)> PublicTypes(string dll)
    {
        using var pe = new PEReader(File.OpenRead(dll));
        var metadata = pe.GetMetadataReader();
        return metadata.TypeDefinitions
            .Select(metadata.GetTypeDefinition)
            .Where(t => (t.Attributes & TypeAttributes.VisibilityMask) == TypeAttributes.Public)
            .Select(t => (metadata.GetString(t.Namespace), StripArity(metadata.GetString(t.Name))))
            .ToList();
    }

    private static string StripArity(string name) => name.Split('`')[0];
}
