using System.Text.Json.Nodes;
using static OnKernel.ApiKeys.SpecUpdate.Tests.SpecUpdateRun;

namespace OnKernel.ApiKeys.SpecUpdate.Tests;

/// <summary>The written form is stable: same content in, same bytes out, whatever the input's form.</summary>
internal sealed class NormalisedOutputTests : TempDirectoryTest
{
    private byte[] Write(string input, string outputName)
    {
        var output = PathIn(outputName);
        var run = Of(input, "--output", output);
        Assert.That(run.ExitCode, Is.EqualTo(0), run.Stderr);
        return File.ReadAllBytes(output);
    }

    [Test]
    public void Running_twice_gives_identical_bytes_and_the_second_run_reports_no_changes()
    {
        var first = Write(Fixture("multi-tag.yaml"), "kernel.yaml");
        var second = Of(Fixture("multi-tag.yaml"), "--output", PathIn("kernel.yaml"));

        Assert.That(second.ExitCode, Is.EqualTo(0), second.Stderr);
        Assert.That(second.Lines, Is.EqualTo(new[] { "No changes." }));
        Assert.That(File.ReadAllBytes(PathIn("kernel.yaml")), Is.EqualTo(first));
    }

    [Test]
    public void Output_read_back_as_input_gives_itself()
    {
        var first = Write(Fixture("multi-tag.yaml"), "first.yaml");
        var second = Write(PathIn("first.yaml"), "second.yaml");
        Assert.That(second, Is.EqualTo(first));
    }

    [Test]
    public void The_JSON_form_of_the_document_gives_the_same_bytes_as_the_YAML_form()
    {
        var fromYaml = Write(Fixture("multi-tag.yaml"), "from-yaml.yaml");
        var fromJson = Write(Fixture("multi-tag.json"), "from-json.yaml");
        Assert.That(fromJson, Is.EqualTo(fromYaml));
    }

    [Test]
    public void Minified_JSON_gives_the_same_bytes_too()
    {
        var minified = JsonNode.Parse(File.ReadAllText(Fixture("multi-tag.json")))!.ToJsonString();
        File.WriteAllText(PathIn("min.json"), minified);

        Assert.That(Write(PathIn("min.json"), "from-min.yaml"), Is.EqualTo(Write(Fixture("multi-tag.yaml"), "from-yaml.yaml")));
    }

    [Test]
    public void Unquoted_status_code_keys_are_written_as_the_strings_they_are()
    {
        var unquoted = File.ReadAllText(Fixture("multi-tag.yaml")).Replace("'201':", "201:").Replace("'404':", "404:");
        File.WriteAllText(PathIn("unquoted.yaml"), unquoted);

        Assert.That(Write(PathIn("unquoted.yaml"), "from-unquoted.yaml"), Is.EqualTo(Write(Fixture("multi-tag.yaml"), "from-yaml.yaml")));
    }

    [Test]
    public void Uses_LF_two_space_indentation_and_a_trailing_newline()
    {
        var text = System.Text.Encoding.UTF8.GetString(Write(Fixture("multi-tag.yaml"), "kernel.yaml"));
        Assert.Multiple(() =>
        {
            Assert.That(text, Does.Not.Contain("\r"));
            Assert.That(text, Does.EndWith("\n").And.Not.EndWith("\n\n"));
            Assert.That(text, Does.StartWith("openapi: 3.0.3\ninfo:\n  title: Fixture API\n"));
            Assert.That(text, Does.Contain("\nservers:\n  - url: https://api.example.invalid\n"));
            Assert.That(text, Does.Contain("\nsecurity:\n  - bearerAuth: []\n"));
        });
    }

    [Test]
    public void Quotes_exactly_the_strings_that_would_read_back_as_another_type()
    {
        var text = WriteText();
        Assert.Multiple(() =>
        {
            Assert.That(text, Does.Contain("\n        '201':\n"));
            Assert.That(text, Does.Contain("example: 'true'"));
            Assert.That(text, Does.Contain("example: '0123'"));
            Assert.That(text, Does.Contain("example: '2024-01-01'"));
            Assert.That(text, Does.Contain("description: ''"));
            Assert.That(text, Does.Contain("            enum:\n              - 'yes'\n              - 'no'\n              - 'null'\n              - '1.0'\n              - created_at\n"));
            // Plain where that reads back the same: numbers stay numbers, ordinary strings unquoted.
            Assert.That(text, Does.Contain("maximum: 3650\n"));
            Assert.That(text, Does.Contain("example: 30\n"));
            Assert.That(text, Does.Contain("nullable: true\n"));
            Assert.That(text, Does.Contain("$ref: '#/components/schemas/ApiKey'"));
            Assert.That(text, Does.Contain("description: Not found – no such key\n"));
            Assert.That(text, Does.Contain("description: \"A free-form label: may contain # and 'quotes'\"\n"));
        });
    }

    [Test]
    public void Writes_multi_line_strings_as_literal_blocks()
    {
        var text = WriteText();
        Assert.That(text, Does.Contain(
            "          source: |\n" +
            "            curl -X POST https://api.example.invalid/org/api_keys \\\n" +
            "              -d '{\"name\": \"staging\"}'\n"));
    }

    [Test]
    public void Awkward_strings_read_back_exactly()
    {
        string[] awkward =
        [
            "- dash", "key: value", "#hash", " leading", "trailing ", "tab\tinside", "\ttab first", "'single", "\"double",
            "*star", "multi\nline", "kept\nnewlines\n\n", " indented\nfirst line", "crlf\r\nline", "bell\a", "nel\u0085x",
            "line\u2028separator", "été", "emoji \U0001F600", "---", "a # b", "1e3", "0x1F", "~", "",
        ];
        var values = new JsonArray([.. awkward.Select(v => JsonValue.Create(v))]);
        var document = new JsonObject
        {
            ["openapi"] = "3.1.0",
            ["paths"] = new JsonObject
            {
                ["/keys"] = new JsonObject
                {
                    ["get"] = new JsonObject { ["tags"] = new JsonArray("API Keys"), ["x-values"] = values },
                },
            },
        };
        File.WriteAllText(PathIn("awkward.json"), document.ToJsonString());

        var first = Write(PathIn("awkward.json"), "first.yaml");
        var readBack = Load(PathIn("first.yaml"))["paths"]["/keys"]["get"]["x-values"];

        Assert.That(((YamlDotNet.RepresentationModel.YamlSequenceNode)readBack).Children.Select(v => v.ToString()), Is.EqualTo(awkward));
        Assert.That(Write(PathIn("first.yaml"), "second.yaml"), Is.EqualTo(first));
    }

    private string WriteText() => System.Text.Encoding.UTF8.GetString(Write(Fixture("multi-tag.yaml"), "kernel.yaml"));
}
