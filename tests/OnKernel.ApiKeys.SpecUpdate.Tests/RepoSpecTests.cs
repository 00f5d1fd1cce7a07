using OnKernel.ApiKeys.SpecUpdate;
using YamlDotNet.RepresentationModel;
using static OnKernel.ApiKeys.SpecUpdate.Tests.SpecUpdateRun;

namespace OnKernel.ApiKeys.SpecUpdate.Tests;

/// <summary>The command on a copy of the repository's own vendored spec.</summary>
internal sealed class RepoSpecTests : TempDirectoryTest
{
    [Test]
    public void Keeps_everything_the_client_is_generated_from()
    {
        File.Copy(RepoPaths.Combine("openapi", "kernel.yaml"), PathIn("input.yaml"));

        var run = Of(PathIn("input.yaml"), "--output", PathIn("kernel.yaml"));
        Assert.That(run.ExitCode, Is.EqualTo(0), run.Stderr);

        var document = Load(PathIn("kernel.yaml"));
        var post = document["paths"]["/org/api_keys"]["post"];
        Assert.Multiple(() =>
        {
            Assert.That(post["operationId"].ToString(), Is.EqualTo("postApiKeys"));
            Assert.That(Keys(document["components"]["schemas"]), Is.SupersetOf(new[]
            {
                "Error", "CreateApiKeyRequest", "CreatedApiKey", "ApiKey", "ApiKeyCreator", "ErrorDetail",
            }));
            Assert.That(Keys(document["components"]["securitySchemes"]), Does.Contain("bearerAuth"));
            Assert.That(((YamlSequenceNode)document["tags"]).Children, Has.Count.EqualTo(1));
        });

        // Every value kept reads back exactly, the code samples (tabs, blank lines) included.
        AssertSameTree(document, ApiKeysCut.Cut(Load(PathIn("input.yaml"))));

        // And it is a fixed point: the result read back gives itself.
        var again = Of(PathIn("kernel.yaml"), "--output", PathIn("kernel.yaml"), "--check");
        Assert.That(again.ExitCode, Is.EqualTo(0), again.Stderr);
    }

    /// <summary>
    /// openapi/kernel.yaml is written only by the update command: the vendored file must be
    /// exactly its own normalised form, so a document copied in without the command, or a
    /// hand edit that breaks the layout, fails here. (An edit that keeps the layout is left
    /// to review: it shows in the public-API diff and the assembly's spec hash.)
    /// </summary>
    [Test]
    public void The_vendored_spec_is_the_update_commands_output()
    {
        var vendored = RepoPaths.Combine("openapi", "kernel.yaml");
        var run = Of(vendored, "--output", vendored, "--check");
        Assert.That(run.ExitCode, Is.EqualTo(0), $"openapi/kernel.yaml differs from what ./build/update-spec.sh writes; run it instead of editing the file.\n{run.Stdout}{run.Stderr}");
    }
}
