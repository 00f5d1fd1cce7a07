using System.Reflection;
using System.Security.Cryptography;
using OnKernel.ApiKeys.Tests.Infrastructure;
using PublicApiGenerator;

namespace OnKernel.ApiKeys.Tests.PublicApi;

/// <summary>
/// The review gate: each build's public API must equal its committed listing,
/// src/OnKernel.ApiKeys/PublicAPI.&lt;tfm&gt;.approved.txt. A spec change that alters the surface
/// fails here until the files are updated (run ./build/accept-api.sh, or copy the
/// .received.txt), so its effect on users is one reviewed diff per target framework.
/// </summary>
public class PublicApiTests
{
    private static readonly string[] TargetFrameworks = ["netstandard2.0", "net8.0"];

    private static IEnumerable<TestCaseData> Builds() =>
        TargetFrameworks.Select(tfm => new TestCaseData(tfm).SetArgDisplayNames(tfm));

    [TestCaseSource(nameof(Builds))]
    public void Public_api_matches_the_approved_file(string targetFramework)
    {
        ApprovedFile.Verify(
            RepoPaths.Combine("src", "OnKernel.ApiKeys", $"PublicAPI.{targetFramework}.approved.txt"),
            PublicApiOf(LibraryBuild.Load(targetFramework)),
            $"the {targetFramework} build");
    }

    [Test]
    public void The_listing_covers_the_dependency_injection_extensions()
    {
        var api = PublicApiOf(typeof(KernelClient).Assembly);
        Assert.That(api, Does.Contain("namespace Microsoft.Extensions.DependencyInjection"));
        Assert.That(api, Does.Contain("public static Microsoft.Extensions.DependencyInjection.IHttpClientBuilder AddKernelClient("));
    }

    [Test]
    public void Only_the_facade_models_factory_and_extensions_are_public()
    {
        var types = typeof(KernelClient).Assembly.GetExportedTypes();
        Assert.That(types.Select(t => t.Namespace).Distinct(), Is.EquivalentTo(new[] { "OnKernel", "Microsoft.Extensions.DependencyInjection" }));
        Assert.That(types.Select(t => t.Name), Has.None.StartsWith("ApiKeysClient").And.None.EqualTo("IApiKeysClient"));
        Assert.That(types.Count(t => t.Name.EndsWith("Client", StringComparison.Ordinal)), Is.EqualTo(1), "KernelClient is the one client users see");
    }

    [TestCaseSource(nameof(Builds))]
    public void The_assembly_names_the_spec_it_was_generated_from(string targetFramework)
    {
        var stamped = LibraryBuild.Load(targetFramework).GetCustomAttributesData()
            .Where(a => a.AttributeType.Name == nameof(AssemblyMetadataAttribute) && (string?)a.ConstructorArguments[0].Value == "KernelOpenApiSha256")
            .Select(a => (string?)a.ConstructorArguments[1].Value)
            .Single();
        var actual = Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(RepoPaths.Combine("openapi", "kernel.yaml")))).ToLowerInvariant();
        Assert.That(stamped, Is.EqualTo(actual));
    }

    private static string PublicApiOf(Assembly assembly) =>
        assembly.GeneratePublicApi(new ApiGeneratorOptions
        {
            // The assembly attributes hold the commit id and the spec hash: not API.
            ExcludeAttributes = ["System.Reflection.AssemblyMetadataAttribute", "System.Reflection.AssemblyInformationalVersionAttribute"],
            // The DI extensions live in Microsoft.Extensions.DependencyInjection by convention;
            // PublicApiGenerator skips Microsoft.* unless allowed.
            AllowNamespacePrefixes = ["Microsoft.Extensions.DependencyInjection"],
        }).Replace("\r\n", "\n").TrimEnd() + "\n";
}
