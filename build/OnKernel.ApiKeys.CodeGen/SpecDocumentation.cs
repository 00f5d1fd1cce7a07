using NJsonSchema;
using NSwag;

namespace OnKernel.ApiKeys.CodeGen;

/// <summary>
/// Gives every public generated type and member an XML summary. The vendored spec is never
/// edited, so where it has no description one is derived here, in memory, before NSwag
/// renders: a schema from the operations that send or return it, a property from its wire
/// name (and the schema it refers to), an enum value from its wire value. Descriptions the
/// spec does have are kept as they are. Enum members get theirs in the generated text.
/// </summary>
internal static class SpecDocumentation
{
    /// <summary>
    /// NJsonSchema's enum template renders no documentation for enum members: give each one
    /// a summary naming its wire value, in the generated text.
    /// </summary>
    public static string DocumentEnumMembers(string code) =>
        System.Text.RegularExpressions.Regex.Replace(
            code,
            @"^(?<indent>[ \t]*)(?<attribute>\[System\.Runtime\.Serialization\.EnumMember\(Value = @""(?<value>[^""]*)""\)\])",
            "${indent}/// <summary>The value <c>${value}</c> on the wire.</summary>\n${indent}${attribute}",
            System.Text.RegularExpressions.RegexOptions.Multiline);

    public static void Apply(OpenApiDocument document)
    {
        var usage = OperationsUsingEachSchema(document);
        foreach (var (name, schema) in document.Components.Schemas)
        {
            if (string.IsNullOrWhiteSpace(schema.Description))
            {
                schema.Description = usage.TryGetValue(schema, out var uses)
                    ? $"{Humanize(name)}: {string.Join("; ", uses.Distinct())}."
                    : $"{Humanize(name)}, as Kernel's API defines it.";
            }
        }

        // Properties second, so that one referring to another schema can use its description.
        foreach (var schema in document.Components.Schemas.Values)
        {
            // Only what the spec declares is kept: no AdditionalProperties bag (undocumented,
            // and a place where anything a server echoes, secrets included, would linger).
            foreach (var part in schema.AllOf.Append(schema))
            {
                part.ActualSchema.AllowAdditionalProperties = false;
            }

            foreach (var (wireName, property) in schema.ActualProperties)
            {
                if (string.IsNullOrWhiteSpace(property.Description))
                {
                    var target = property.ActualSchema;
                    property.Description = target != property && !string.IsNullOrWhiteSpace(target.Description) && target.Type == JsonObjectType.Object
                        ? $"The {wireName} field: {target.Description}"
                        : $"The {wireName} field.";
                }
            }
        }



        foreach (var operation in document.Operations.Select(o => o.Operation))
        {
            foreach (var parameter in operation.ActualParameters.Where(p => p.ActualSchema.IsEnumeration))
            {
                var schema = parameter.ActualSchema;
                if (string.IsNullOrWhiteSpace(schema.Description))
                {
                    schema.Description = parameter.Description ?? $"Values of the {parameter.Name} parameter.";
                }
            }
        }
    }

    /// <summary>"the request body of Create an API key (POST /org/api_keys)", "returned by ...", per schema.</summary>
    private static Dictionary<JsonSchema, List<string>> OperationsUsingEachSchema(OpenApiDocument document)
    {
        var uses = new Dictionary<JsonSchema, List<string>>(ReferenceEqualityComparer.Instance);
        void Add(JsonSchema? schema, string use)
        {
            if (schema is null)
            {
                return;
            }

            var actual = schema.ActualSchema.Item?.ActualSchema ?? schema.ActualSchema;
            if (!uses.TryGetValue(actual, out var list))
            {
                uses[actual] = list = new List<string>();
            }

            list.Add(use);
        }

        foreach (var description in document.Operations)
        {
            var operation = description.Operation;
            var label = $"{operation.Summary ?? operation.OperationId} ({description.Method.ToUpperInvariant()} {description.Path})";
            Add(operation.RequestBody?.ActualRequestBody.Content.Values.FirstOrDefault()?.Schema, $"the request body of {label}");
            foreach (var (status, response) in operation.ActualResponses)
            {
                var kind = status.StartsWith('2') ? "returned by" : $"the {status} error body of";
                Add(response.ActualResponse.Schema, $"{kind} {label}");
            }
        }

        foreach (var list in uses.Values)
        {
            // Error bodies are shared by every operation: one line says so.
            if (list.Count(u => u.Contains(" error body of ", StringComparison.Ordinal)) > 1)
            {
                list.RemoveAll(u => u.Contains(" error body of ", StringComparison.Ordinal));
                list.Add("the body of every error response");
            }
        }

        return uses;
    }

    // "CreateApiKeyRequest" -> "Create API key request"
    private static string Humanize(string name)
    {
        var words = System.Text.RegularExpressions.Regex.Split(name, "(?<=[a-z])(?=[A-Z])");
        var text = string.Join(" ", words.Select((w, i) => i == 0 ? w : w.ToLowerInvariant()));
        return System.Text.RegularExpressions.Regex.Replace(text, "(?i)\\bapi key", "API key");
    }
}
