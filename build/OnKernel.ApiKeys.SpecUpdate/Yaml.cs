using YamlDotNet.RepresentationModel;

namespace OnKernel.ApiKeys.SpecUpdate;

/// <summary>
/// Null-tolerant look-ups over YamlDotNet's representation model, so that walking an
/// OpenAPI document of unknown shape never needs a cast or a null check at each step.
/// </summary>
internal static class Yaml
{
    public static YamlNode? Get(this YamlNode? node, string key)
    {
        if (node is not YamlMappingNode map)
        {
            return null;
        }

        foreach (var (k, v) in map.Children)
        {
            if (k is YamlScalarNode { Value: var name } && name == key)
            {
                return v;
            }
        }

        return null;
    }

    public static YamlMappingNode? Map(this YamlNode? node, string key) => node.Get(key) as YamlMappingNode;

    public static string? Text(this YamlNode? node) => (node as YamlScalarNode)?.Value;

    public static string? Text(this YamlNode? node, string key) => node.Get(key).Text();

    /// <summary>The entries of a mapping with scalar keys, in document order; none for anything else.</summary>
    public static IEnumerable<(YamlScalarNode Key, YamlNode Value)> Entries(this YamlNode? node) =>
        node is YamlMappingNode map
            ? map.Children.Where(e => e.Key is YamlScalarNode).Select(e => ((YamlScalarNode)e.Key, e.Value))
            : [];

    public static IEnumerable<YamlNode> Items(this YamlNode? node) =>
        node is YamlSequenceNode seq ? seq.Children : [];

    /// <summary>A compact one-line rendering of a value, for the change summary.</summary>
    public static string Render(this YamlNode? node) => node switch
    {
        null => "none",
        YamlScalarNode s => s.Value ?? "",
        YamlSequenceNode seq => "[" + string.Join(", ", seq.Children.Select(Render)) + "]",
        YamlMappingNode map => "{" + string.Join(", ", map.Children.Select(e => $"{e.Key.Render()}: {e.Value.Render()}")) + "}",
        _ => node.ToString(),
    };
}
