namespace OnKernel.ApiKeys.SpecUpdate.Regenerate;

/// <summary>The command line of <c>build/regenerate.sh [source] [--tests CMD] [--baseline NUPKG] [--root DIR] [--out DIR]</c>.</summary>
internal sealed record RegenerateOptions(string Source, string Root, string Tests, string? Baseline, string Out)
{
    public const string Usage =
        "usage: build/regenerate.sh [source file or URL] [--tests \"command\"] [--baseline package.nupkg] [--root repo] [--out artifacts/spec-update]";

    public static RegenerateOptions? Parse(string[] args, out string? error)
    {
        string? source = null, tests = null, baseline = null, root = null, output = null;
        error = null;
        for (var i = 0; i < args.Length; i++)
        {
            var flag = args[i];
            if (flag is "--tests" or "--baseline" or "--root" or "--out")
            {
                if (i + 1 >= args.Length)
                {
                    error = $"{flag} needs a value";
                    return null;
                }

                var value = args[++i];
                _ = flag switch
                {
                    "--tests" => tests = value,
                    "--baseline" => baseline = value,
                    "--root" => root = value,
                    _ => output = value,
                };
            }
            else if (flag.StartsWith('-') && flag.Length > 1)
            {
                error = $"unknown option {flag}";
                return null;
            }
            else if (source is null)
            {
                source = flag;
            }
            else
            {
                error = $"unexpected argument {flag}";
                return null;
            }
        }

        root = Path.GetFullPath(root ?? Directory.GetCurrentDirectory());
        return new RegenerateOptions(
            source ?? Options.DefaultSource,
            root,
            tests ?? "./build/test.sh",
            baseline is null ? null : Path.GetFullPath(baseline),
            Path.GetFullPath(Path.Combine(root, output ?? "artifacts/spec-update")));
    }
}
