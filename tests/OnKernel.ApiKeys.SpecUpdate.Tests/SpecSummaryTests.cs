using static OnKernel.ApiKeys.SpecUpdate.Tests.SpecUpdateRun;

namespace OnKernel.ApiKeys.SpecUpdate.Tests;

/// <summary>The change summary against the vendored file, and --check.</summary>
internal sealed class SpecSummaryTests : TempDirectoryTest
{
    private string output = "";

    [SetUp]
    public void VendorTheFixture()
    {
        output = PathIn("kernel.yaml");
        var run = Of(Fixture("multi-tag.yaml"), "--output", output);
        Assert.That(run.ExitCode, Is.EqualTo(0), run.Stderr);
    }

    [Test]
    public void Lists_exactly_the_changes_of_a_modified_document()
    {
        var run = Of(Fixture("multi-tag.modified.yaml"), "--output", output);

        Assert.That(run.ExitCode, Is.EqualTo(0), run.Stderr);
        Assert.That(run.Lines, Is.EqualTo(new[]
        {
            "Added operation GET /org/api_keys/{id}/usage (getApiKeyUsage)",
            "Added schema ApiKeyUsage",
            "Removed property ApiKey.label",
            "CreateApiKeyRequest.days_to_expire: maximum 3650 -> 365",
        }));
        Assert.That(File.ReadAllText(output), Does.Contain("/org/api_keys/{id}/usage:"));
    }

    [Test]
    public void Lists_the_reverse_changes_going_back()
    {
        Of(Fixture("multi-tag.modified.yaml"), "--output", output);
        var run = Of(Fixture("multi-tag.yaml"), "--output", output);

        Assert.That(run.Lines, Is.EqualTo(new[]
        {
            "Removed operation GET /org/api_keys/{id}/usage (getApiKeyUsage)",
            "Removed schema ApiKeyUsage",
            "Added property ApiKey.label",
            "CreateApiKeyRequest.days_to_expire: maximum 365 -> 3650",
        }));
    }

    [Test]
    public void Lists_property_parameter_and_response_changes()
    {
        var text = File.ReadAllText(Fixture("multi-tag.yaml"))
            .Replace("          format: email\n", "          format: idn-email\n          nullable: true\n")
            .Replace("      required: [id, name, created_by]\n", "      required: [id, created_by]\n")
            .Replace("        maximum: 100\n", "        maximum: 50\n")
            .Replace("enum: ['yes', 'no', 'null', '1.0', created_at]", "enum: ['yes', 'no', created_at]")
            .Replace("        - name: sort\n", "        - name: order\n          in: header\n          schema:\n            type: string\n        - name: sort\n")
            .Replace("        '404':\n          $ref: '#/components/responses/NotFound'\n    get:", "    get:");
        File.WriteAllText(PathIn("changed.yaml"), text);

        var run = Of(PathIn("changed.yaml"), "--output", output);

        Assert.That(run.Lines, Is.EqualTo(new[]
        {
            "Added parameter header order to GET /org/api_keys (listApiKeys)",
            "GET /org/api_keys (listApiKeys) query limit: maximum 100 -> 50",
            "GET /org/api_keys (listApiKeys) query sort: enum [yes, no, null, 1.0, created_at] -> [yes, no, created_at]",
            "Removed response 404 from DELETE /org/api_keys/{id} (deleteApiKey)",
            "ApiKey.name: required true -> false",
            "ApiKeyCreator.email: format email -> idn-email",
            "ApiKeyCreator.email: nullable false -> true",
        }));
    }

    [Test]
    public void Says_so_when_only_other_content_changed()
    {
        File.WriteAllText(PathIn("described.yaml"), File.ReadAllText(Fixture("multi-tag.yaml")).Replace("description: Unauthorized", "description: Not signed in"));

        var run = Of(PathIn("described.yaml"), "--output", output);

        Assert.That(run.Lines, Is.EqualTo(new[] { "No changes to operations, parameters or schemas (other content or layout changed)." }));
    }

    [Test]
    public void Check_passes_when_up_to_date_and_writes_nothing()
    {
        var before = File.GetLastWriteTimeUtc(output);
        var run = Of(Fixture("multi-tag.yaml"), "--output", output, "--check");

        Assert.That(run.ExitCode, Is.EqualTo(0), run.Stderr);
        Assert.That(run.Lines, Is.EqualTo(new[] { "No changes." }));
        Assert.That(File.GetLastWriteTimeUtc(output), Is.EqualTo(before));
    }

    [Test]
    public void Check_fails_when_out_of_date_and_leaves_the_file_alone()
    {
        var before = File.ReadAllBytes(output);
        var run = Of(Fixture("multi-tag.modified.yaml"), "--check", "--output", output);

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(1));
            Assert.That(run.Lines, Has.Length.EqualTo(4));
            Assert.That(run.Stderr, Does.Contain("is not up to date"));
            Assert.That(File.ReadAllBytes(output), Is.EqualTo(before));
        });
    }

    [Test]
    public void Without_a_vendored_file_everything_is_added()
    {
        var run = Of(Fixture("multi-tag.yaml"), "--output", PathIn("new/kernel.yaml"));

        Assert.That(run.ExitCode, Is.EqualTo(0), run.Stderr);
        Assert.That(run.Lines, Does.Contain("Added operation POST /org/api_keys (createApiKey)"));
        Assert.That(run.Lines, Does.Contain("Added schema ApiKeyCreator"));
        Assert.That(run.Lines, Does.Contain("Added component responses/NotFound"));
        Assert.That(File.Exists(PathIn("new/kernel.yaml")));
    }
}
