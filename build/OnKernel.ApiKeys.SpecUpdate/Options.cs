namespace OnKernel.ApiKeys.SpecUpdate;

/// <summary>The command line: <c>&lt;input&gt; [--output path] [--check]</c>.</summary>
internal sealed record Options(string Input, string Output, bool Check)
{
    public const string Usage =
        "usage: OnKernel.ApiKeys.SpecUpdate <input file or http(s) URL> [--output openapi/kernel.yaml] [--check]";

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

        if (input is null)
        {
            error = "no input given";
            return null;
        }

        return new Options(input, output, check);
    }
}
