using YamlDotNet.RepresentationModel;

namespace OnKernel.ApiKeys.SpecUpdate;

/// <summary>
/// Cuts a full Kernel OpenAPI document down to the operations tagged "API Keys" and the
/// components they reference, and lays it out in the conventional key order so that the
/// written file depends on the content only, not on how the input happened to be ordered.
/// </summary>
internal static class ApiKeysCut
{
    public const string Tag = "API Keys";

    /// <summary>Operation keys of a path item, in the order OpenAPI lists them.</summary>
    public static readonly string[] Methods = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

    // Document-wide keys carried over as they are; tags, paths and components are rebuilt.
    private static readonly string[] CopiedKeys = ["openapi", "info", "servers", "security"];

    public static YamlMappingNode Cut(YamlMappingNode document)
    {
        var components = document.Map("components");
        var refs = new ComponentRefs(components);
        var paths = CutPaths(document.Map("paths")!, refs);
        if (paths.Children.Count == 0)
        {
            throw new SpecException($"no operations tagged '{Tag}' in the input");
        }

        // Every security scheme is kept: they are few and the client needs the auth ones.
        var securitySchemes = components.Map("securitySchemes");
        if (securitySchemes is not null)
        {
            refs.Visit(securitySchemes, "components.securitySchemes");
        }

        var result = new YamlMappingNode();
        foreach (var key in CopiedKeys)
        {
            if (document.Get(key) is { } value)
            {
                result.Add(key, value);
            }
        }

        if (document.Get("tags").Items().FirstOrDefault(t => t.Text("name") == Tag) is { } tag)
        {
            result.Add("tags", new YamlSequenceNode(tag));
        }

        result.Add("paths", paths);
        var keptComponents = CutComponents(components, refs.Found, securitySchemes);
        if (keptComponents.Children.Count > 0)
        {
            result.Add("components", keptComponents);
        }

        return result;
    }

    private static YamlMappingNode CutPaths(YamlMappingNode paths, ComponentRefs refs)
    {
        var result = new YamlMappingNode();
        foreach (var (path, item) in paths.Entries().OrderBy(e => e.Key.Value, StringComparer.Ordinal))
        {
            var operations = item.Entries()
                .Where(e => Methods.Contains(e.Key.Value) && IsTagged(e.Value))
                .OrderBy(e => Array.IndexOf(Methods, e.Key.Value))
                .ToList();
            if (operations.Count == 0)
            {
                continue;
            }

            // Path-level keys (parameters, summary, servers...) first, then the kept operations.
            var kept = new YamlMappingNode();
            foreach (var (key, value) in item.Entries().Where(e => !Methods.Contains(e.Key.Value)))
            {
                kept.Add(key, value);
            }

            foreach (var (key, value) in operations)
            {
                kept.Add(key, value);
            }

            refs.Visit(kept, $"paths.{path.Value}");
            result.Add(path, kept);
        }

        return result;
    }

    private static bool IsTagged(YamlNode operation) => operation.Get("tags").Items().Any(t => t.Text() == Tag);

    private static YamlMappingNode CutComponents(
        YamlMappingNode? components, IReadOnlyDictionary<string, SortedSet<string>> referenced, YamlMappingNode? securitySchemes)
    {
        var sections = new SortedDictionary<string, YamlMappingNode>(StringComparer.Ordinal);
        foreach (var (section, names) in referenced)
        {
            var entries = components.Map(section)!;
            sections[section] = Sorted(entries.Entries().Where(e => names.Contains(e.Key.Value!)));
        }

        if (securitySchemes is not null)
        {
            sections["securitySchemes"] = Sorted(securitySchemes.Entries());
        }

        var result = new YamlMappingNode();
        foreach (var (section, entries) in sections)
        {
            result.Add(section, entries);
        }

        return result;
    }

    private static YamlMappingNode Sorted(IEnumerable<(YamlScalarNode Key, YamlNode Value)> entries)
    {
        var result = new YamlMappingNode();
        foreach (var (key, value) in entries.OrderBy(e => e.Key.Value, StringComparer.Ordinal))
        {
            result.Add(key, value);
        }

        return result;
    }
}
