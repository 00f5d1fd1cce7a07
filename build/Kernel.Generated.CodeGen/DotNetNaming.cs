using NJsonSchema;
using NJsonSchema.CodeGeneration;
using NSwag;
using NSwag.CodeGeneration;
using NSwag.CodeGeneration.CSharp;

namespace Kernel.Generated.CodeGen;

/// <summary>
/// The naming rules a .NET user expects, applied to NSwag's settings in code because
/// NSwag 14 ignores name generators given in nswag.json. JSON wire names are untouched:
/// NSwag keeps them in [JsonProperty("...")] attributes and enum member attributes.
/// </summary>
internal static class DotNetNaming
{
    public static void Apply(CSharpClientGeneratorSettings settings)
    {
        settings.CSharpGeneratorSettings.PropertyNameGenerator = new PascalCasePropertyNames();
        settings.CSharpGeneratorSettings.EnumNameGenerator = new PascalCaseEnumNames();
        settings.CSharpGeneratorSettings.TypeNameGenerator = new PascalCaseTypeNames();
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

    private sealed class PascalCaseTypeNames : DefaultTypeNameGenerator
    {
        protected override string Generate(JsonSchema schema, string? typeNameHint) =>
            base.Generate(schema, typeNameHint is null ? null : Identifier.Pascal(typeNameHint));
    }

    private sealed class CamelCaseParameterNames : IParameterNameGenerator
    {
        public string Generate(OpenApiParameter parameter, IEnumerable<OpenApiParameter> allParameters) =>
            Identifier.Camel(parameter.Name);
    }
}
