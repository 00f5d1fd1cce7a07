using static OnKernel.ApiKeys.SpecUpdate.Tests.SpecUpdateRun;

namespace OnKernel.ApiKeys.SpecUpdate.Tests;

/// <summary>Each bad input: exit code 1, one clear line on stderr, the vendored file untouched.</summary>
internal sealed class BadInputTests : TempDirectoryTest
{
    private const string Vendored = "openapi: 3.1.0\n# a vendored file that must survive a failed update\n";

    private static readonly string Fixture = File.ReadAllText(SpecUpdateRun.Fixture("multi-tag.yaml"));

    private static IEnumerable<TestCaseData> BadDocuments()
    {
        yield return Case("not YAML", "openapi: 3.0.3\npaths: {\n  \"/x\": [\n", "not valid YAML or JSON (line");
        yield return Case("not JSON", "{\"openapi\": \"3.0.3\", \"paths\": {\"/x\": }", "not valid YAML or JSON (line");
        yield return Case("empty", "", "the input is empty");
        yield return Case("a list", "- openapi: 3.0.3\n", "not an OpenAPI 3 document: the top level is not a mapping");
        yield return Case("Swagger 2", "swagger: '2.0'\npaths: {}\n", "not an OpenAPI 3 document: expected 'openapi: 3.x', found swagger 2.0");
        yield return Case("no openapi key", "info: {title: x}\npaths: {}\n", "not an OpenAPI 3 document: expected 'openapi: 3.x', found none");
        yield return Case("no paths", "openapi: 3.0.3\ninfo: {title: x}\n", "not an OpenAPI 3 document: it has no 'paths' mapping");
        yield return Case("no API Keys operations", Fixture.Replace("[API Keys]", "[Keys]").Replace("[API Keys, Projects]", "[Projects]"),
            "no operations tagged 'API Keys' in the input");
        yield return Case("a dangling $ref", Fixture.Replace("$ref: '#/components/schemas/ApiKeyCreator'", "$ref: '#/components/schemas/ApiKeyCreater'"),
            "dangling $ref '#/components/schemas/ApiKeyCreater' at components.schemas.ApiKey.properties.created_by: there is no such component");
        yield return Case("a dangling $ref in an operation", Fixture.Replace("$ref: '#/components/requestBodies/CreateApiKey'", "$ref: '#/components/requestBodies/Nope'"),
            "dangling $ref '#/components/requestBodies/Nope' at paths./org/api_keys.post.requestBody: there is no such component");
        yield return Case("an external $ref", Fixture.Replace("$ref: '#/components/schemas/ErrorDetail'", "$ref: 'errors.yaml#/ErrorDetail'"),
            "unsupported $ref 'errors.yaml#/ErrorDetail' at components.schemas.Error.properties.details.items: only local '#/components/<section>/<name>' references are supported");
    }

    private static TestCaseData Case(string name, string content, string message) =>
        new TestCaseData(content, message).SetName($"Fails on {name}");

    [TestCaseSource(nameof(BadDocuments))]
    public void Fails_on_a_bad_document(string content, string message)
    {
        File.WriteAllText(PathIn("input.yaml"), content);
        AssertFailsLeavingOutputAlone(PathIn("input.yaml"), $"error: {PathIn("input.yaml")}: {message}");
    }

    [Test]
    public void Fails_on_a_missing_file()
    {
        AssertFailsLeavingOutputAlone(PathIn("missing.yaml"), $"error: {PathIn("missing.yaml")}: cannot read {PathIn("missing.yaml")}: no such file");
    }

    [Test]
    public void Fails_on_a_directory()
    {
        AssertFailsLeavingOutputAlone(Dir, $"error: {Dir}: cannot read {Dir}: it is a directory");
    }

    [Test]
    public void Fails_on_an_unreachable_url()
    {
        // Port 1 on loopback: nothing listens there, so the connection is refused at once.
        const string url = "http://127.0.0.1:1/openapi.yaml";
        AssertFailsLeavingOutputAlone(url, $"error: {url}: cannot download {url}: ");
    }

    [Test]
    public void Rejects_a_wrong_command_line_with_usage()
    {
        var run = Of("--output");
        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.Stderr, Does.StartWith("error: --output needs a path\nusage: "));
    }

    private void AssertFailsLeavingOutputAlone(string input, string messageStart)
    {
        var output = PathIn("kernel.yaml");
        File.WriteAllText(output, Vendored);

        var run = Of(input, "--output", output);

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(1));
            Assert.That(run.Stdout, Is.Empty);
            Assert.That(run.Stderr, Does.StartWith(messageStart));
            Assert.That(run.Stderr.TrimEnd('\n'), Does.Not.Contain("\n"), "one line");
            Assert.That(File.ReadAllText(output), Is.EqualTo(Vendored));
            Assert.That(Directory.GetFiles(Dir), Has.Length.EqualTo(File.Exists(input) ? 2 : 1), "no temporary file left");
        });
    }
}
