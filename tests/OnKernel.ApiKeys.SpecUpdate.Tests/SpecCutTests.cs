using OnKernel.ApiKeys.SpecUpdate;
using YamlDotNet.RepresentationModel;
using static OnKernel.ApiKeys.SpecUpdate.Tests.SpecUpdateRun;

namespace OnKernel.ApiKeys.SpecUpdate.Tests;

/// <summary>The cut keeps exactly the API Keys part of a document with several tags.</summary>
internal sealed class SpecCutTests : TempDirectoryTest
{
    private YamlMappingNode cut = null!;

    [SetUp]
    public void RunOnFixture()
    {
        var output = PathIn("kernel.yaml");
        var run = Of(Fixture("multi-tag.yaml"), "--output", output);
        Assert.That(run.ExitCode, Is.EqualTo(0), run.Stderr);
        cut = Load(output);
    }

    [Test]
    public void Keeps_the_document_level_keys_in_conventional_order_and_drops_the_rest()
    {
        // externalDocs and x-tagGroups are dropped.
        Assert.That(Keys(cut), Is.EqualTo(new[] { "openapi", "info", "servers", "security", "tags", "paths", "components" }));
    }

    [Test]
    public void Keeps_only_the_API_Keys_tag()
    {
        var tags = (YamlSequenceNode)cut["tags"];
        Assert.That(tags.Children, Has.Count.EqualTo(1));
        Assert.That(tags[0]["name"].ToString(), Is.EqualTo("API Keys"));
        Assert.That(tags[0]["description"].ToString(), Is.EqualTo("Create and manage API keys for the organization."));
    }

    [Test]
    public void Keeps_exactly_the_API_Keys_operations_sorted_by_path_and_method()
    {
        var paths = cut["paths"];
        Assert.That(Keys(paths), Is.EqualTo(new[] { "/org/api_keys", "/org/api_keys/{id}" }));
        Assert.That(Keys(paths["/org/api_keys"]), Is.EqualTo(new[] { "get", "post" }));
        // The Projects-tagged PUT goes; the path-level parameters stay, ahead of the operations.
        Assert.That(Keys(paths["/org/api_keys/{id}"]), Is.EqualTo(new[] { "parameters", "get", "delete" }));
    }

    [Test]
    public void Keeps_operation_content_intact()
    {
        var post = cut["paths"]["/org/api_keys"]["post"];
        Assert.That(Keys(post), Is.EqualTo(new[] { "tags", "summary", "operationId", "requestBody", "responses", "x-codeSamples" }));
        var go = post["x-codeSamples"][0]["source"].ToString();
        Assert.That(go, Is.EqualTo("package main\n\nfunc main() {\n\tprintln(\"hi\")\n}\n"));
    }

    [Test]
    public void Keeps_exactly_the_components_referenced_transitively_and_every_security_scheme()
    {
        var components = cut["components"];
        Assert.Multiple(() =>
        {
            Assert.That(Keys(components), Is.EqualTo(new[]
            {
                "examples", "headers", "parameters", "requestBodies", "responses", "schemas", "securitySchemes",
            }));
            // ApiKeyCreator only through ApiKey, ErrorDetail only through Error (via a response),
            // CreateApiKeyRequest only through a request body component.
            Assert.That(Keys(components["schemas"]), Is.EqualTo(new[]
            {
                "ApiKey", "ApiKeyCreator", "CreateApiKeyRequest", "Error", "ErrorDetail",
            }));
            Assert.That(Keys(components["responses"]), Is.EqualTo(new[] { "NotFound", "Unauthorized" }));
            Assert.That(Keys(components["parameters"]), Is.EqualTo(new[] { "Limit" }));
            Assert.That(Keys(components["requestBodies"]), Is.EqualTo(new[] { "CreateApiKey" }));
            Assert.That(Keys(components["headers"]), Is.EqualTo(new[] { "RateLimitRemaining" }));
            Assert.That(Keys(components["examples"]), Is.EqualTo(new[] { "CreatedKey" }));
            Assert.That(Keys(components["securitySchemes"]), Is.EqualTo(new[] { "apiKeyHeader", "bearerAuth" }));
        });
    }

    [Test]
    public void Output_holds_the_same_values_as_the_input_it_kept()
    {
        var expected = ApiKeysCut.Cut(Load(Fixture("multi-tag.yaml")));
        AssertSameTree(cut, expected);
    }
}
