using System.Globalization;
using OnKernel.ApiKeys.ContractTests.Infrastructure;
using YamlDotNet.RepresentationModel;

namespace OnKernel.ApiKeys.ContractTests.Spec;

/// <summary>
/// Read-only view of the vendored openapi/kernel.yaml: the operations, their declared
/// statuses, schema constraints and examples. The tests take their expectations from here
/// so that a spec update moves them along instead of leaving hard-coded numbers behind.
/// </summary>
internal sealed class KernelSpec
{
    private static readonly string[] HttpMethods = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];
    private static readonly Lazy<KernelSpec> Vendored = new(() => Load(RepoPaths.Combine("openapi", "kernel.yaml")));

    private readonly YamlMappingNode _root;

    private KernelSpec(YamlMappingNode root) => _root = root;

    public static KernelSpec Current => Vendored.Value;

    public static KernelSpec Load(string path)
    {
        var stream = new YamlStream();
        using (var reader = File.OpenText(path))
        {
            stream.Load(reader);
        }

        return new KernelSpec((YamlMappingNode)stream.Documents[0].RootNode);
    }

    public IReadOnlyList<SpecOperation> Operations()
    {
        var operations = new List<SpecOperation>();
        foreach (var (pathKey, pathNode) in Map(_root, "paths").Children)
        {
            var pathItem = (YamlMappingNode)pathNode;
            foreach (var method in HttpMethods)
            {
                if (TryMap(pathItem, method) is not { } operation)
                {
                    continue;
                }

                var id = Scalar(operation, "operationId") ?? $"{method.ToUpperInvariant()} {pathKey}";
                var statuses = new List<int>();
                foreach (var (statusKey, _) in Map(operation, "responses").Children)
                {
                    var text = ((YamlScalarNode)statusKey).Value!;
                    if (text == "default")
                    {
                        continue; // Not a status Prism can be asked for.
                    }

                    if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var status))
                    {
                        throw new NotSupportedException($"{id} declares the response '{text}'; status ranges are not covered by these tests yet.");
                    }

                    statuses.Add(status);
                }

                operations.Add(new SpecOperation(method.ToUpperInvariant(), ((YamlScalarNode)pathKey).Value!, id, statuses));
            }
        }

        return operations;
    }

    /// <summary>The example body of an operation's response (static mode): the schema's own example, else its properties' examples.</summary>
    public IReadOnlyDictionary<string, string> ResponseExample(SpecOperation operation, int status)
    {
        var response = Resolve(Map(Map(Map(Map(Map(_root, "paths"), operation.Path), operation.Method.ToLowerInvariant()), "responses"), status.ToString(CultureInfo.InvariantCulture)));
        var schema = Resolve(Map(Map(Map(response, "content"), "application/json"), "schema"));
        var example = new Dictionary<string, string>();
        if (TryMap(schema, "example") is { } whole)
        {
            foreach (var (key, value) in whole.Children)
            {
                if (value is YamlScalarNode scalar)
                {
                    example[((YamlScalarNode)key).Value!] = scalar.Value!;
                }
            }

            return example;
        }

        foreach (var (name, property) in AllProperties(schema))
        {
            if (Scalar(property, "example") is { } value)
            {
                example[name] = value;
            }
        }

        return example;
    }

    /// <summary>A property's schema in <c>#/components/schemas/{schemaName}</c>, looking through allOf branches.</summary>
    public YamlMappingNode Property(string schemaName, string propertyName) =>
        AllProperties(Schema(schemaName)).FirstOrDefault(p => p.Name == propertyName).Schema
        ?? throw new KeyNotFoundException($"{schemaName}.{propertyName} is not in the spec.");

    /// <summary>Every property name a schema declares, allOf branches included.</summary>
    public IReadOnlyList<string> PropertyNames(string schemaName) => AllProperties(Schema(schemaName)).Select(p => p.Name).ToList();

    public string Example(string schemaName, string propertyName) =>
        Scalar(Property(schemaName, propertyName), "example") ?? throw new KeyNotFoundException($"{schemaName}.{propertyName} has no example.");

    /// <summary>A numeric keyword (minLength, maximum...) of a property, or null when the spec does not set it.</summary>
    public long? Constraint(string schemaName, string propertyName, string keyword) =>
        Scalar(Property(schemaName, propertyName), keyword) is { } text ? long.Parse(text, CultureInfo.InvariantCulture) : null;

    /// <summary>A numeric keyword of a query/path parameter's schema (e.g. listApiKeys' limit maximum), or null when unset.</summary>
    public long? ParameterConstraint(string operationId, string parameterName, string keyword)
    {
        foreach (var (_, pathNode) in Map(_root, "paths").Children)
        {
            var pathItem = (YamlMappingNode)pathNode;
            foreach (var method in HttpMethods)
            {
                if (TryMap(pathItem, method) is { } operation && Scalar(operation, "operationId") == operationId)
                {
                    var parameters = (operation.Children.TryGetValue("parameters", out var own) ? ((YamlSequenceNode)own).Children : [])
                        .Concat(pathItem.Children.TryGetValue("parameters", out var shared) ? ((YamlSequenceNode)shared).Children : []);
                    foreach (var parameter in parameters.Cast<YamlMappingNode>().Select(Resolve))
                    {
                        if (Scalar(parameter, "name") == parameterName)
                        {
                            return Scalar(Resolve(Map(parameter, "schema")), keyword) is { } text ? long.Parse(text, CultureInfo.InvariantCulture) : null;
                        }
                    }

                    throw new KeyNotFoundException($"{operationId} has no parameter '{parameterName}'.");
                }
            }
        }

        throw new KeyNotFoundException($"The spec has no operation '{operationId}'.");
    }

    private YamlMappingNode Schema(string name) => Map(Map(Map(_root, "components"), "schemas"), name);

    private IEnumerable<(string Name, YamlMappingNode Schema)> AllProperties(YamlMappingNode schema)
    {
        schema = Resolve(schema);
        if (TryMap(schema, "properties") is { } properties)
        {
            foreach (var (name, property) in properties.Children)
            {
                yield return (((YamlScalarNode)name).Value!, Resolve((YamlMappingNode)property));
            }
        }

        if (schema.Children.TryGetValue("allOf", out var allOf))
        {
            foreach (var branch in ((YamlSequenceNode)allOf).Children.Cast<YamlMappingNode>())
            {
                foreach (var property in AllProperties(branch))
                {
                    yield return property;
                }
            }
        }
    }

    /// <summary>Follows local references (<c>#/components/...</c>) until a node without $ref.</summary>
    private YamlMappingNode Resolve(YamlMappingNode node)
    {
        for (var hops = 0; Scalar(node, "$ref") is { } reference; hops++)
        {
            if (hops > 32 || !reference.StartsWith("#/", StringComparison.Ordinal))
            {
                throw new NotSupportedException($"Cannot follow $ref '{reference}'.");
            }

            YamlMappingNode target = _root;
            foreach (var segment in reference[2..].Split('/'))
            {
                target = Map(target, segment.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal));
            }

            node = target;
        }

        return node;
    }

    private static YamlMappingNode Map(YamlMappingNode node, string key) =>
        TryMap(node, key) ?? throw new KeyNotFoundException($"'{key}' not found in the spec at line {node.Start.Line}.");

    private static YamlMappingNode? TryMap(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(key, out var child) ? child as YamlMappingNode : null;

    private static string? Scalar(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(key, out var child) && child is YamlScalarNode scalar ? scalar.Value : null;
}
