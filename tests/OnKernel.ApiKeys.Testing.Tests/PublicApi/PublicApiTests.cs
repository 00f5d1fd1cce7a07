using PublicApiGenerator;

namespace OnKernel.ApiKeys.Testing.Tests.PublicApi;

/// <summary>
/// The review gate for the Testing package: its public API must equal the committed
/// src/OnKernel.ApiKeys.Testing/PublicAPI.approved.txt (run ./build/accept-api.sh to accept a
/// reviewed change). One listing: the netstandard2.0 build declares the same members (its
/// TimeProvider comes from Microsoft.Bcl.TimeProvider, with the same full name).
/// </summary>
public class PublicApiTests
{
    [Test]
    public void Public_api_matches_the_approved_file()
    {
        var actual = typeof(FakeKernel).Assembly.GeneratePublicApi(new ApiGeneratorOptions
        {
            ExcludeAttributes = ["System.Reflection.AssemblyMetadataAttribute", "System.Reflection.AssemblyInformationalVersionAttribute"],
        });
        ApprovedFile.Verify(RepoPaths.Combine("src", "OnKernel.ApiKeys.Testing", "PublicAPI.approved.txt"), actual, "OnKernel.ApiKeys.Testing");
    }

    [Test]
    public void Only_the_fake_and_its_fault_api_are_public()
    {
        var types = typeof(FakeKernel).Assembly.GetExportedTypes().Select(t => t.FullName).Order(StringComparer.Ordinal);

        Assert.That(types, Is.EqualTo(new[] { "OnKernel.Testing.FakeKernel", "OnKernel.Testing.FakeKernelFaultBuilder", "OnKernel.Testing.FakeKernelFaults" }));
    }
}
