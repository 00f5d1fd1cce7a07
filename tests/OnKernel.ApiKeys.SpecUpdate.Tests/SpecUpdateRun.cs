using OnKernel.ApiKeys.SpecUpdate;
using YamlDotNet.RepresentationModel;

namespace OnKernel.ApiKeys.SpecUpdate.Tests;

/// <summary>One in-process run of the command: its exit code and what it printed.</summary>
internal sealed record SpecUpdateRun(int ExitCode, string Stdout, string Stderr)
{
    public string[] Lines => Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    public static SpecUpdateRun Of(params string[] args)
    {
        using var stdout = new StringWriter { NewLine = "\n" };
        using var stderr = new StringWriter { NewLine = "\n" };
        var exitCode = SpecUpdateCommand.Run(args, stdout, stderr);
        return new SpecUpdateRun(exitCode, stdout.ToString(), stderr.ToString());
    }

    public static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", name);

    public static YamlMappingNode Load(string path)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(File.ReadAllText(path)));
        return (YamlMappingNode)stream.Documents[0].RootNode;
    }

    public static IEnumerable<string> Keys(YamlNode? node) =>
        node is YamlMappingNode map ? map.Children.Keys.Select(k => ((YamlScalarNode)k).Value!) : [];

    /// <summary>Asserts two trees hold the same keys, in the same order, and the same scalar values.</summary>
    public static void AssertSameTree(YamlNode actual, YamlNode expected, string at = "")
    {
        switch (expected)
        {
            case YamlScalarNode scalar:
                Assert.That(actual, Is.InstanceOf<YamlScalarNode>(), at);
                Assert.That(((YamlScalarNode)actual).Value, Is.EqualTo(scalar.Value), at);
                break;
            case YamlSequenceNode seq:
                var items = ((YamlSequenceNode)actual).Children;
                Assert.That(items, Has.Count.EqualTo(seq.Children.Count), at);
                for (var i = 0; i < items.Count; i++)
                {
                    AssertSameTree(items[i], seq.Children[i], $"{at}[{i}]");
                }

                break;
            case YamlMappingNode map:
                Assert.That(Keys(actual), Is.EqualTo(Keys(map)), at);
                foreach (var (key, value) in map.Children)
                {
                    AssertSameTree(((YamlMappingNode)actual)[key], value, $"{at}.{key}");
                }

                break;
        }
    }
}

/// <summary>A fresh temporary directory per test, removed afterwards.</summary>
internal abstract class TempDirectoryTest
{
    protected string Dir { get; private set; } = "";

    [SetUp]
    public void CreateDirectory() => Dir = Directory.CreateTempSubdirectory("spec-update-tests-").FullName;

    [TearDown]
    public void DeleteDirectory() => Directory.Delete(Dir, recursive: true);

    protected string PathIn(string name) => Path.Combine(Dir, name);
}
