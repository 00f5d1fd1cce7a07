using Kernel.Generated.CodeGen;
using NSwag.Commands;

// Usage: Kernel.Generated.CodeGen <nswag.json> <output .cs file>
// Exit code 0 on success; 1 with NSwag's own message on stdout/stderr otherwise.
if (args.Length != 2)
{
    Console.Error.WriteLine("usage: Kernel.Generated.CodeGen <nswag.json> <output.cs>");
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
    var code = new NSwag.CodeGeneration.CSharp.CSharpClientGenerator(openApi, command.Settings).GenerateFile()
        + ParameterConstraintsTable.Generate(openApi, command.Settings.CSharpGeneratorSettings.Namespace);

    Directory.CreateDirectory(Path.GetDirectoryName(output)!);
    // Write only on change, so an unchanged result keeps its timestamp.
    if (!File.Exists(output) || await File.ReadAllTextAsync(output) != code)
    {
        await File.WriteAllTextAsync(output, code);
    }

    Console.WriteLine($"Kernel.Generated.CodeGen: generated {output}");
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
