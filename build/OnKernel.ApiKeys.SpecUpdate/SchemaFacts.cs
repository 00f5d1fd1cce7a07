using YamlDotNet.RepresentationModel;

namespace OnKernel.ApiKeys.SpecUpdate;

/// <summary>What a schema (or one of its properties) says, flattened for comparison.</summary>
/// <param name="IsProperty">True for an entry of some object's <c>properties</c>.</param>
/// <param name="Facts">Attribute name to its rendered value, absent when not set.</param>
internal sealed record SchemaEntry(bool IsProperty, IReadOnlyDictionary<string, string> Facts);

/// <summary>
/// Flattens a schema into entries keyed by a readable path (<c>Schema</c>, <c>Schema.prop</c>,
/// <c>Schema.prop[]</c> for array items, <c>Schema.prop.sub</c>), so that two versions of a
/// schema compare entry by entry and attribute by attribute.
/// </summary>
internal static class SchemaFacts
{
    /// <summary>The attributes compared, in the order changes are listed.</summary>
    public static readonly string[] Attributes =
    [
        "$ref", "type", "format", "nullable", "required", "enum", "const", "default",
        "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf",
        "minLength", "maxLength", "pattern", "minItems", "maxItems", "uniqueItems",
        "minProperties", "maxProperties", "allOf", "oneOf", "anyOf",
    ];

    private static readonly string[] Compositions = ["allOf", "oneOf", "anyOf"];

    public static SortedDictionary<string, SchemaEntry> Flatten(string name, YamlNode schema)
    {
        var entries = new SortedDictionary<string, SchemaEntry>(StringComparer.Ordinal);
        Walk(schema, name, isProperty: false, required: null, entries);
        return entries;
    }

    /// <summary>The root attributes of a schema alone, for a parameter's schema.</summary>
    public static Dictionary<string, string> Describe(YamlNode? schema, bool? required)
    {
        var facts = new Dictionary<string, string>();
        foreach (var attribute in Attributes)
        {
            if (attribute == "required")
            {
                if (required is { } isRequired)
                {
                    facts[attribute] = isRequired ? "true" : "false";
                }
            }
            else if (Compositions.Contains(attribute))
            {
                // Members are compared by what they reference; inline members are walked instead.
                if (schema.Get(attribute) is YamlSequenceNode members)
                {
                    facts[attribute] = "[" + string.Join(", ", members.Children.Select(m => m.Text("$ref") is { } r ? r.Split('/')[^1] : "inline")) + "]";
                }
            }
            else if (schema.Get(attribute) is { } value)
            {
                facts[attribute] = value.Render();
            }
        }

        // Absent and false mean the same for nullable, so a change shows as false -> true.
        facts.TryAdd("nullable", "false");
        return facts;
    }

    private static void Walk(YamlNode schema, string path, bool isProperty, bool? required, SortedDictionary<string, SchemaEntry> entries)
    {
        var facts = Describe(schema, required);
        entries[path] = new SchemaEntry(isProperty, facts);
        WalkChildren(schema, path, facts, entries);
    }

    private static void WalkChildren(YamlNode schema, string path, Dictionary<string, string> facts, SortedDictionary<string, SchemaEntry> entries)
    {
        var required = schema.Get("required").Items().Select(r => r.Text()).ToHashSet();
        foreach (var (name, property) in schema.Map("properties").Entries())
        {
            Walk(property, $"{path}.{name.Value}", isProperty: true, required.Contains(name.Value), entries);
        }

        if (schema.Get("items") is YamlMappingNode items)
        {
            Walk(items, $"{path}[]", isProperty: false, required: null, entries);
        }

        // Inline allOf/oneOf/anyOf members add their properties to the schema that holds them.
        foreach (var member in Compositions.SelectMany(c => schema.Get(c).Items()).Where(m => m.Get("$ref") is null))
        {
            foreach (var (attribute, value) in Describe(member, required: null))
            {
                facts.TryAdd(attribute, value);
            }

            WalkChildren(member, path, facts, entries);
        }
    }
}
