using OnKernel.ApiKeys.CodeGen;
using NSwag.Commands;

// Usage: OnKernel.ApiKeys.CodeGen <nswag.json> <output .cs file>
// Exit code 0 on success; 1 with NSwag's own message on stdout/stderr otherwise.
if (args.Length != 2)
{
    Console.Error.WriteLine("usage: OnKernel.ApiKeys.CodeGen <nswag.json> <output.cs>");
    return 2;
}

var nswagJson = Path.GetFullPath(args[0]);
var output = Path.GetFullPath(args[1]);

try
{
    var document = await NSwagDocument.LoadWithTransformationsAsync(nswagJson, variables: null);
    var command = document.CodeGenerators.OpenApiToCSharpClientCommand
        ?? throw new InvalidOperationException($"{nswagJson} has no openApiToCSharpClient code generator.");

    var openApi = (NSwag.OpenApiDocument)await document.SelectedSwaggerGenerator.RunAsync(null, null);
    DotNetNaming.Apply(command.Settings, openApi);
    SpecDocumentation.Apply(openApi);
    // nswag.json (NSwag 14.7) sets the client class's access modifier but has no key for the
    // interface's; the interface follows the class, so both stay internal behind the facade.
    command.Settings.ClientInterfaceAccessModifier = command.Settings.ClientClassAccessModifier;
    var code = RequireDocumentation(TransportRewrites.Apply(SpecDocumentation.DocumentEnumMembers(new NSwag.CodeGeneration.CSharp.CSharpClientGenerator(openApi, command.Settings).GenerateFile())))
        + SpecTable.Generate(openApi, command.Settings.CSharpGeneratorSettings.Namespace);

    Directory.CreateDirectory(Path.GetDirectoryName(output)!);
    // Write only on change, so an unchanged result keeps its timestamp.
    if (!File.Exists(output) || await File.ReadAllTextAsync(output) != code)
    {
        await File.WriteAllTextAsync(output, code);
    }

    Console.WriteLine($"OnKernel.ApiKeys.CodeGen: generated {output}");
    return 0;
}
catch (Exception ex)
{
    // NSwag's own words (YAML syntax error with its line, dangling $ref, ...) are what the
    // user needs: print every message in the chain, outermost first.
    Console.Error.WriteLine($"NSwag failed to generate the client from the spec named in {nswagJson}:");
    for (var e = ex; e is not null; e = e.InnerException)
    {
        var where = e is YamlDotNet.Core.YamlException yaml ? $" (YAML line {yaml.Start.Line}, column {yaml.Start.Column})" : "";
        Console.Error.WriteLine($"  {e.GetType().Name}: {e.Message}{where}");
    }

    return 1;
}

// NSwag wraps its output in "#pragma warning disable 1591" (missing XML docs). Every public
// type and member must be documented (SpecDocumentation supplies the text), so the compiler
// is allowed to say when one is not.
static string RequireDocumentation(string code) =>
    string.Join('\n', code.Split('\n').Where(line => !System.Text.RegularExpressions.Regex.IsMatch(line, @"^\s*#pragma warning (disable|restore)\s+1591\b")));
