using YamlDotNet.RepresentationModel;

namespace OnKernel.ApiKeys.SpecUpdate;

/// <summary>
/// Lists what changed between the vendored document and the new one, one line per change,
/// in a stable order: operations, their parameters, components, then schema properties.
/// </summary>
internal static class SpecSummary
{
    private sealed record Operation(string Path, string Method, YamlNode Node, YamlNode? PathParameters)
    {
        public string Label => $"{Method.ToUpperInvariant()} {Path} ({Node.Text("operationId") ?? "no operationId"})";
    }

    public static List<string> Compare(YamlMappingNode? before, YamlMappingNode after)
    {
        var lines = new List<string>();
        CompareOperations(before, after, lines);
        CompareComponents(before, after, lines);
        return lines;
    }

    private static void CompareOperations(YamlMappingNode? before, YamlMappingNode after, List<string> lines)
    {
        var old = Operations(before);
        var now = Operations(after);
        var keys = old.Keys.Union(now.Keys)
            .OrderBy(k => k.Path, StringComparer.Ordinal).ThenBy(k => Array.IndexOf(ApiKeysCut.Methods, k.Method))
            .ToList();
        var operationLines = new List<string>();
        foreach (var key in keys)
        {
            if (!old.TryGetValue(key, out var was))
            {
                lines.Add($"Added operation {now[key].Label}");
            }
            else if (!now.TryGetValue(key, out var @is))
            {
                lines.Add($"Removed operation {was.Label}");
            }
            else
            {
                if (was.Node.Text("operationId") != @is.Node.Text("operationId"))
                {
                    operationLines.Add($"{@is.Label}: operationId {was.Node.Text("operationId") ?? "none"} -> {@is.Node.Text("operationId") ?? "none"}");
                }

                CompareParameters(@is.Label, Parameters(before!, was), Parameters(after, @is), operationLines);
                CompareResponses(@is.Label, was.Node.Get("responses"), @is.Node.Get("responses"), operationLines);
            }
        }

        lines.AddRange(operationLines);
    }

    private static Dictionary<(string Path, string Method), Operation> Operations(YamlMappingNode? document)
    {
        var result = new Dictionary<(string, string), Operation>();
        foreach (var (path, item) in document.Map("paths").Entries())
        {
            foreach (var (method, operation) in item.Entries().Where(e => ApiKeysCut.Methods.Contains(e.Key.Value)))
            {
                result[(path.Value!, method.Value!)] = new Operation(path.Value!, method.Value!, operation, item.Get("parameters"));
            }
        }

        return result;
    }

    /// <summary>The parameters that apply to an operation ("in name" to facts): path-level ones, overridden by its own.</summary>
    private static SortedDictionary<string, Dictionary<string, string>> Parameters(YamlMappingNode document, Operation operation)
    {
        var result = new SortedDictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
        foreach (var parameter in operation.PathParameters.Items().Concat(operation.Node.Get("parameters").Items()))
        {
            var resolved = parameter.Text("$ref") is { } reference
                ? document.Map("components").Map("parameters").Get(reference.Split('/')[^1])
                : parameter;
            var required = resolved.Text("required") == "true";
            result[$"{resolved.Text("in")} {resolved.Text("name")}"] = SchemaFacts.Describe(resolved.Get("schema"), required);
        }

        return result;
    }

    private static void CompareParameters(
        string label,
        SortedDictionary<string, Dictionary<string, string>> old,
        SortedDictionary<string, Dictionary<string, string>> now,
        List<string> lines)
    {
        foreach (var name in old.Keys.Union(now.Keys).Order(StringComparer.Ordinal))
        {
            if (!old.TryGetValue(name, out var was))
            {
                lines.Add($"Added parameter {name} to {label}");
            }
            else if (!now.TryGetValue(name, out var @is))
            {
                lines.Add($"Removed parameter {name} from {label}");
            }
            else
            {
                CompareFacts($"{label} {name}", was, @is, lines);
            }
        }
    }

    /// <summary>Status codes added or removed: each is an outcome the client has to handle.</summary>
    private static void CompareResponses(string label, YamlNode? old, YamlNode? now, List<string> lines)
    {
        var was = old.Entries().Select(e => e.Key.Value!).ToHashSet();
        var @is = now.Entries().Select(e => e.Key.Value!).ToHashSet();
        foreach (var status in was.Union(@is).Order(StringComparer.Ordinal))
        {
            if (was.Contains(status) != @is.Contains(status))
            {
                lines.Add(@is.Contains(status) ? $"Added response {status} to {label}" : $"Removed response {status} from {label}");
            }
        }
    }

    private static void CompareComponents(YamlMappingNode? before, YamlMappingNode after, List<string> lines)
    {
        var propertyLines = new List<string>();
        var sections = before.Map("components").Entries().Concat(after.Map("components").Entries())
            .Select(e => e.Key.Value!).Distinct().Order(StringComparer.Ordinal);
        foreach (var section in sections)
        {
            var old = before.Map("components").Map(section);
            var now = after.Map("components").Map(section);
            var names = old.Entries().Concat(now.Entries()).Select(e => e.Key.Value!).Distinct().Order(StringComparer.Ordinal);
            var kind = section == "schemas" ? "schema " : $"component {section}/";
            foreach (var name in names)
            {
                var (was, @is) = (old.Get(name), now.Get(name));
                if (was is null)
                {
                    lines.Add($"Added {kind}{name}");
                }
                else if (@is is null)
                {
                    lines.Add($"Removed {kind}{name}");
                }
                else if (section == "schemas")
                {
                    CompareSchema(SchemaFacts.Flatten(name, was), SchemaFacts.Flatten(name, @is), propertyLines);
                }
            }
        }

        lines.AddRange(propertyLines);
    }

    private static void CompareSchema(
        SortedDictionary<string, SchemaEntry> old, SortedDictionary<string, SchemaEntry> now, List<string> lines)
    {
        // A property added or removed stands for its nested properties too.
        var reported = new List<string>();
        foreach (var path in old.Keys.Union(now.Keys).Order(StringComparer.Ordinal))
        {
            if (reported.Any(r => path.StartsWith(r + ".", StringComparison.Ordinal) || path.StartsWith(r + "[", StringComparison.Ordinal)))
            {
                continue;
            }

            old.TryGetValue(path, out var was);
            now.TryGetValue(path, out var @is);
            if (was is not null && @is is not null)
            {
                CompareFacts(path, was.Facts, @is.Facts, lines);
                continue;
            }

            reported.Add(path);
            // Array items appearing or going away show as the type change of their holder.
            if ((was ?? @is)!.IsProperty)
            {
                lines.Add($"{(was is null ? "Added" : "Removed")} property {path}");
            }
        }
    }

    private static void CompareFacts(
        string subject, IReadOnlyDictionary<string, string> old, IReadOnlyDictionary<string, string> now, List<string> lines)
    {
        foreach (var attribute in SchemaFacts.Attributes)
        {
            var was = old.GetValueOrDefault(attribute, "none");
            var @is = now.GetValueOrDefault(attribute, "none");
            if (was != @is)
            {
                lines.Add($"{subject}: {attribute} {was} -> {@is}");
            }
        }
    }
}
