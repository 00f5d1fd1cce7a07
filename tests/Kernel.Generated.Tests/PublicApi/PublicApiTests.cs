using System.Reflection;
using System.Security.Cryptography;
using Kernel.Generated.Tests.Infrastructure;
using PublicApiGenerator;

namespace Kernel.Generated.Tests.PublicApi;

/// <summary>
/// The review gate: the package's public API must equal the committed
/// src/Kernel.Generated/PublicAPI.approved.txt. A spec change that alters the surface fails
/// here until the file is updated (run ./build/accept-api.sh, or copy the .received.txt),
/// so its effect on users is one reviewed diff.
/// </summary>
public class PublicApiTests
{
    private static readonly Assembly Library = typeof(KernelClient).Assembly;

    [Test]
    public void Public_api_matches_the_approved_file()
    {
        var approvedPath = RepoPaths.Combine("src", "Kernel.Generated", "PublicAPI.approved.txt");
        var receivedPath = RepoPaths.Combine("src", "Kernel.Generated", "PublicAPI.received.txt");
        var actual = Library.GeneratePublicApi(new ApiGeneratorOptions
        {
            // The assembly attributes hold the commit id and the spec hash: not API.
            ExcludeAttributes = ["System.Reflection.AssemblyMetadataAttribute", "System.Reflection.AssemblyInformationalVersionAttribute"],
        }).Replace("\r\n", "\n").TrimEnd() + "\n";

        if (Environment.GetEnvironmentVariable("KERNEL_ACCEPT_PUBLIC_API") == "1")
        {
            File.WriteAllText(approvedPath, actual);
        }

        var approved = File.Exists(approvedPath) ? File.ReadAllText(approvedPath).Replace("\r\n", "\n") : "";
        if (approved != actual)
        {
            File.WriteAllText(receivedPath, actual);
            Assert.Fail($"The public API changed. Review `diff {approvedPath} {receivedPath}`; if intended, run ./build/accept-api.sh and commit PublicAPI.approved.txt.");
        }

        if (File.Exists(receivedPath))
        {
            File.Delete(receivedPath);
        }
    }

    [Test]
    public void The_assembly_names_the_spec_it_was_generated_from()
    {
        var stamped = Library.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "KernelOpenApiSha256").Value;
        var actual = Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(RepoPaths.Combine("openapi", "kernel.yaml")))).ToLowerInvariant();
        Assert.That(stamped, Is.EqualTo(actual));
    }
}
