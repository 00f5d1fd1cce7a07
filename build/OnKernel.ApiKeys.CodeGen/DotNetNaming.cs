using NJsonSchema;
using NJsonSchema.CodeGeneration;
using NSwag;
using NSwag.CodeGeneration;
using NSwag.CodeGeneration.CSharp;

namespace OnKernel.ApiKeys.CodeGen;

/// <summary>
/// The naming rules a .NET user expects, applied to NSwag's settings in code because
/// NSwag 14 ignores name generators given in nswag.json. JSON wire names are untouched:
/// NSwag keeps them in [JsonProperty("...")] attributes and enum member attributes.
/// </summary>
internal static class DotNetNaming
{
    public static void Apply(CSharpClientGeneratorSettings settings, OpenApiDocument document)
    {
        settings.CSharpGeneratorSettings.PropertyNameGenerator = new PascalCasePropertyNames();
        settings.CSharpGeneratorSettings.EnumNameGenerator = new PascalCaseEnumNames();
        settings.CSharpGeneratorSettings.TypeNameGenerator = new PascalCaseTypeNames(ParameterResources(document));
        settings.ParameterNameGenerator = new CamelCaseParameterNames();
    }

    private sealed class PascalCasePropertyNames : IPropertyNameGenerator
    {
        public string Generate(JsonSchemaProperty property) => Identifier.Pascal(property.Name);
    }

    private sealed class PascalCaseEnumNames : IEnumNameGenerator
    {
        public string Generate(int index, string? name, object? value, JsonSchema schema) =>
            Identifier.Pascal(string.IsNullOrEmpty(name) ? Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? $"Value{index}" : name!);
    }

    /// <summary>
    /// Maps each inline schema of an operation's parameter to the resource of the
    /// operation's first tag ("API Keys" -> "ApiKey"). NSwag names such schemas after the
    /// parameter alone and gives the name generator no link back to the operation.
    /// </summary>
    private static Dictionary<JsonSchema, string> ParameterResources(OpenApiDocument document)
    {
        var resources = new Dictionary<JsonSchema, string>(ReferenceEqualityComparer.Instance);
        foreach (var operation in document.Operations.Select(o => o.Operation))
        {
            if (operation.Tags.Count == 0)
            {
                continue;
            }

            var resource = Identifier.Pascal(operation.Tags[0]);
            resource = resource.EndsWith('s') ? resource[..^1] : resource;
            // Only inline enums of query/path/header parameters: a body parameter's schema is
            // a component with a name of its own.
            foreach (var parameter in operation.ActualParameters.Where(p => p.Kind != OpenApiParameterKind.Body && p.ActualSchema.IsEnumeration && !p.HasReference))
            {
                foreach (var schema in new JsonSchema?[] { parameter, parameter.Schema, parameter.ActualSchema })
                {
                    if (schema is not null)
                    {
                        resources[schema] = resource;
                    }
                }
            }
        }

        return resources;
    }

    private sealed class PascalCaseTypeNames(Dictionary<JsonSchema, string> parameterResources) : DefaultTypeNameGenerator
    {
        protected override string Generate(JsonSchema schema, string? typeNameHint)
        {
            if (typeNameHint is null)
            {
                return base.Generate(schema, null);
            }

            // An inline enum of a query parameter is named after the parameter ("status",
            // "sort_by"): too generic for a public type. Qualify it with its resource
            // (ApiKeyStatus, ApiKeySortBy).
            var name = Identifier.Pascal(typeNameHint);
            if (parameterResources.TryGetValue(schema, out var resource) && !name.StartsWith(resource, StringComparison.Ordinal))
            {
                name = resource + name;
            }

            return base.Generate(schema, name);
        }
    }

    private sealed class CamelCaseParameterNames : IParameterNameGenerator
    {
        public string Generate(OpenApiParameter parameter, IEnumerable<OpenApiParameter> allParameters) =>
            Identifier.Camel(parameter.Name);
    }
}
