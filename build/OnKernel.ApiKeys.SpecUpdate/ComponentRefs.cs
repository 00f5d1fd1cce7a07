using YamlDotNet.RepresentationModel;

namespace OnKernel.ApiKeys.SpecUpdate;

/// <summary>
/// Collects the components that kept content references, transitively: every
/// <c>$ref: '#/components/&lt;section&gt;/&lt;name&gt;'</c> found is looked up, and the
/// component it names is walked in turn, until nothing new turns up.
/// </summary>
internal sealed class ComponentRefs(YamlMappingNode? components)
{
    private const string Prefix = "#/components/";

    private readonly SortedDictionary<string, SortedSet<string>> found = new(StringComparer.Ordinal);
    private readonly Queue<(string Section, string Name, YamlNode Node)> pending = new();

    /// <summary>Section name to the names referenced in it, both sorted.</summary>
    public IReadOnlyDictionary<string, SortedSet<string>> Found => found;

    /// <summary>Walks <paramref name="node"/> and everything it references; <paramref name="location"/> names it in errors.</summary>
    public void Visit(YamlNode node, string location)
    {
        Walk(node, location);
        while (pending.TryDequeue(out var next))
        {
            Walk(next.Node, $"components.{next.Section}.{next.Name}");
        }
    }

    private void Walk(YamlNode node, string location)
    {
        switch (node)
        {
            case YamlMappingNode map:
                foreach (var (key, value) in map.Children)
                {
                    var name = key.Text() ?? key.Render();
                    if (name == "$ref" && value is YamlScalarNode { Value: { } reference })
                    {
                        Follow(reference, location);
                    }
                    else
                    {
                        Walk(value, $"{location}.{name}");
                    }
                }

                break;
            case YamlSequenceNode seq:
                for (var i = 0; i < seq.Children.Count; i++)
                {
                    Walk(seq.Children[i], $"{location}[{i}]");
                }

                break;
        }
    }

    private void Follow(string reference, string location)
    {
        var parts = reference.StartsWith(Prefix, StringComparison.Ordinal)
            ? reference[Prefix.Length..].Split('/')
            : [];
        if (parts.Length != 2 || parts[0].Length == 0 || parts[1].Length == 0)
        {
            throw new SpecException(
                $"unsupported $ref '{reference}' at {location}: only local '#/components/<section>/<name>' references are supported");
        }

        // JSON Pointer escapes: ~1 is '/', ~0 is '~' (in that order).
        var section = Unescape(parts[0]);
        var name = Unescape(parts[1]);
        if (!found.TryGetValue(section, out var names))
        {
            found[section] = names = new SortedSet<string>(StringComparer.Ordinal);
        }

        if (names.Contains(name))
        {
            return;
        }

        var target = components.Map(section).Get(name)
            ?? throw new SpecException($"dangling $ref '{reference}' at {location}: there is no such component");
        names.Add(name);
        pending.Enqueue((section, name, target));
    }

    private static string Unescape(string token) => token.Replace("~1", "/").Replace("~0", "~");
}
