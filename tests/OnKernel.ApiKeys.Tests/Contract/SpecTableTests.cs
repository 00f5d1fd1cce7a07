using System.Globalization;
using System.Reflection;
using YamlDotNet.RepresentationModel;

namespace OnKernel.ApiKeys.Tests.Contract;

/// <summary>
/// The generated contract table (SpecOperations, SpecBounds) says what the vendored
/// openapi/kernel.yaml says: every operation's method and path, every bound of every body
/// field and parameter. The facade reads only this table, so this is where a generator slip
/// would show.
/// </summary>
public class SpecTableTests
{
    private static readonly YamlMappingNode Spec = LoadSpec();

    private static YamlMappingNode LoadSpec()
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(File.ReadAllText(RepoPaths.Combine("openapi", "kernel.yaml"))));
        return (YamlMappingNode)stream.Documents[0].RootNode;
    }

    private static YamlNode? Get(YamlNode? node, string key) =>
        node is YamlMappingNode map && map.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    private static long? Number(YamlNode? node, string key) =>
        Get(node, key) is YamlScalarNode { Value: { } v } ? long.Parse(v, CultureInfo.InvariantCulture) : null;

    private static string Pascal(string name) =>
        string.Concat(name.Split('_').Select(part => char.ToUpperInvariant(part[0]) + part[1..]));

    private static T Row<T>(Type table, string name) =>
        (T)(table.GetField(name, BindingFlags.Static | BindingFlags.NonPublic | BindingFlags.Public)?.GetValue(null)
            ?? throw new AssertionException($"{table.Name}.{name} is missing from the generated table"));

    private static (long? Min, long? Max) Bounds(YamlNode schema) =>
        (Get(schema, "type") as YamlScalarNode)?.Value == "string"
            ? (Number(schema, "minLength"), Number(schema, "maxLength"))
            : (Number(schema, "minimum"), Number(schema, "maximum"));

    [Test]
    public void An_operation_row_keeps_what_it_is_built_with()
    {
        // The generated table is built once per process (before a mutation test switches a
        // mutant on), so the row type is checked on a row of its own too.
        var row = new SpecOperation("rotateApiKey", "POST", "org/api_keys/{id}/rotate", "CreatedApiKey");
        Assert.That((row.OperationId, row.Method, row.Path, row.ResultName), Is.EqualTo(("rotateApiKey", "POST", "org/api_keys/{id}/rotate", "CreatedApiKey")));
    }

    [Test]
    public void Every_operation_has_its_method_and_path()
    {
        var seen = 0;
        foreach (var (path, item) in ((YamlMappingNode)Get(Spec, "paths")!).Children)
        {
            foreach (var (method, operation) in ((YamlMappingNode)item).Children.Where(c => ((YamlScalarNode)c.Key).Value != "parameters"))
            {
                var id = ((YamlScalarNode)Get(operation, "operationId")!).Value!;
                var row = Row<SpecOperation>(typeof(SpecOperations), char.ToUpperInvariant(id[0]) + id[1..]);
                Assert.That((row.OperationId, row.Method, "/" + row.Path), Is.EqualTo((id, ((YamlScalarNode)method).Value!.ToUpperInvariant(), ((YamlScalarNode)path).Value)));
                seen++;
            }
        }

        Assert.That(seen, Is.EqualTo(typeof(SpecOperations).GetFields(BindingFlags.Static | BindingFlags.NonPublic).Length).And.EqualTo(6));
    }

    [Test]
    public void Every_bounded_body_field_has_its_bounds()
    {
        var bounded = 0;
        foreach (var (schemaName, schema) in ((YamlMappingNode)Get(Get(Spec, "components"), "schemas")!).Children)
        {
            foreach (var (field, property) in (Get(schema, "properties") as YamlMappingNode ?? new YamlMappingNode()).Children)
            {
                var (min, max) = Bounds(property);
                if (min is null && max is null)
                {
                    continue;
                }

                var wire = ((YamlScalarNode)field).Value!;
                var row = Row<SpecConstraints>(typeof(SpecBounds), ((YamlScalarNode)schemaName).Value + Pascal(wire));
                Assert.That((row.WireName, row.Minimum, row.Maximum), Is.EqualTo((wire, min, max)), $"{schemaName}.{wire}");
                bounded++;
            }
        }

        Assert.That(bounded, Is.GreaterThanOrEqualTo(5), "name x2, days_to_expire x2, expire_in_days");
    }

    [Test]
    public void Every_bounded_parameter_has_its_bounds()
    {
        var list = Get(Get(Get(Spec, "paths"), "/org/api_keys"), "get");
        foreach (var parameter in ((YamlSequenceNode)Get(list, "parameters")!).Cast<YamlMappingNode>())
        {
            var name = ((YamlScalarNode)Get(parameter, "name")!).Value!;
            var (min, max) = Bounds(Get(parameter, "schema")!);
            if (min is null && max is null)
            {
                continue;
            }

            var row = Row<SpecConstraints>(typeof(SpecBounds), "ListApiKeys" + Pascal(name));
            Assert.That((row.WireName, row.Minimum, row.Maximum), Is.EqualTo((name, min, max)), name);
        }

        Assert.That((SpecBounds.ListApiKeysLimit.Minimum, SpecBounds.ListApiKeysLimit.Maximum), Is.EqualTo(((long?)0, (long?)100)), "the vendored spec's page size");
    }
}
