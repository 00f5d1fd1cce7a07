using System.Text.RegularExpressions;
using OnKernel.ApiKeys.Tests.Infrastructure;

namespace OnKernel.ApiKeys.Tests.Readme;

/// <summary>Every compiled snippet region appears verbatim in README.md, and the README keeps its two opening commands.</summary>
public class ReadmeSnippetTests
{
    private static readonly string Readme = File.ReadAllText(RepoPaths.Combine("README.md")).Replace("\r\n", "\n");

    private static IEnumerable<TestCaseData> Regions()
    {
        // The testing example lives with FakeKernel's tests, where it is compiled against the Testing package.
        var files = new[]
        {
            RepoPaths.Combine("tests", "OnKernel.ApiKeys.Tests", "Readme", "ReadmeSnippets.cs"),
            RepoPaths.Combine("tests", "OnKernel.ApiKeys.Tests", "Readme", "ReadmeMockingExample.cs"),
            RepoPaths.Combine("tests", "OnKernel.ApiKeys.Tests", "Readme", "ReadmeTelemetrySnippet.cs"),
            RepoPaths.Combine("tests", "OnKernel.ApiKeys.Testing.Tests", "Readme", "ReadmeTestingExample.cs"),
        };
        var source = string.Concat(files.Select(file => File.ReadAllText(file).Replace("\r\n", "\n")));
        foreach (Match match in Regex.Matches(source, @"#region (readme-[\w-]+)\n(.*?)\n\s*#endregion", RegexOptions.Singleline))
        {
            yield return new TestCaseData(match.Groups[1].Value, Dedent(match.Groups[2].Value)).SetArgDisplayNames(match.Groups[1].Value);
        }
    }

    [TestCaseSource(nameof(Regions))]
    public void Readme_contains_the_compiled_snippet(string region, string code)
    {
        Assert.That(Readme, Does.Contain(code), $"README.md is missing (or has an edited copy of) snippet {region}:\n{code}");
    }

    [Test]
    public void There_are_snippets_to_check() => Assert.That(Regions().Count(), Is.GreaterThanOrEqualTo(8));

    [Test]
    public void Readme_opens_with_the_main_job_and_the_test_command()
    {
        var firstBlock = Regex.Match(Readme, "```(?:bash|sh)\n(.*?)```", RegexOptions.Singleline).Groups[1].Value;
        var commands = firstBlock.Split('\n').Where(l => l.Length > 0 && !l.StartsWith('#')).Select(l => l.Split('#')[0].Trim()).ToList();
        Assert.That(commands, Has.Count.EqualTo(2));
        Assert.That(commands[1], Is.EqualTo("./build/test.sh"));
        Assert.That(File.ReadAllText(RepoPaths.Combine(".ci", "run")), Does.Contain(commands[1]), ".ci/run runs the README's test command");
        foreach (var command in commands)
        {
            Assert.That(File.Exists(RepoPaths.Combine(command.Split(' ')[0])), Is.True, command);
        }
    }

    private static string Dedent(string block)
    {
        var lines = block.Split('\n');
        var indent = lines.Where(l => l.Trim().Length > 0).Min(l => l.Length - l.TrimStart().Length);
        return string.Join('\n', lines.Select(l => l.Length >= indent ? l[indent..] : l.TrimStart()));
    }
}
