namespace OnKernel.ApiKeys.SpecUpdate;

/// <summary>The command line: <c>[input] [--output path] [--check]</c>; the input defaults to <see cref="DefaultSource"/>.</summary>
internal sealed record Options(string Input, string Output, bool Check)
{
    /// <summary>
    /// Where Kernel publishes its documented OpenAPI document (the source its API reference
    /// names). The one place this URL is written; a file path works too, offline.
    /// </summary>
    public const string DefaultSource = "https://app.stainless.com/api/spec/documented/kernel/openapi.documented.yml";

    public const string Usage =
        "usage: OnKernel.ApiKeys.SpecUpdate [input file or http(s) URL; default " + DefaultSource + "] [--output openapi/kernel.yaml] [--check]\n" +
        "       OnKernel.ApiKeys.SpecUpdate regenerate [source] [options]   (see build/regenerate.sh)";

    private const string DefaultOutput = "openapi/kernel.yaml";

    /// <summary>The options, or null with <paramref name="error"/> set when the command line is wrong.</summary>
    public static Options? Parse(string[] args, out string? error)
    {
        string? input = null;
        var output = DefaultOutput;
        var check = false;
        error = null;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--check":
                    check = true;
                    break;
                case "--output" or "-o" when i + 1 < args.Length:
                    output = args[++i];
                    break;
                case "--output" or "-o":
                    error = "--output needs a path";
                    return null;
                case var flag when flag.StartsWith('-') && flag.Length > 1:
                    error = $"unknown option {flag}";
                    return null;
                case var value when input is null:
                    input = value;
                    break;
                default:
                    error = $"unexpected argument {args[i]}";
                    return null;
            }
        }

        return new Options(input ?? DefaultSource, output, check);
    }
}
