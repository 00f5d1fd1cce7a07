using System.Globalization;

namespace OnKernel.Sample;

/// <summary>Where the sample runs, and the key it creates.</summary>
internal enum SampleMode
{
    /// <summary>The in-memory FakeKernel: no network, no account, a clock the sample moves.</summary>
    Fake,

    /// <summary>A Prism mock of the spec at KERNEL_BASE_URL (started by build/run-sample.sh --prism).</summary>
    Prism,

    /// <summary>Kernel's API with KERNEL_API_KEY: creates one real key, nothing else.</summary>
    Real,
}

/// <summary>The command line: <c>[--prism | --real] [--name NAME] [--days N] [--project ID]</c>.</summary>
internal sealed record SampleArguments(SampleMode Mode, string Name, int? Days, string? Project)
{
    /// <exception cref="ArgumentException">An unknown flag, a missing value, or a bad number.</exception>
    public static SampleArguments Parse(string[] args)
    {
        var mode = SampleMode.Fake;
        string name = "staging";
        int? days = 30;
        string? project = null;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--prism":
                    mode = SampleMode.Prism;
                    break;
                case "--real":
                    mode = SampleMode.Real;
                    break;
                case "--name":
                    name = Value(args, ref i);
                    break;
                case "--days":
                    var text = Value(args, ref i);
                    days = int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed)
                        ? parsed
                        : throw new ArgumentException($"--days takes a whole number of days; got '{text}'.");
                    break;
                case "--project":
                    project = Value(args, ref i);
                    break;
                default:
                    throw new ArgumentException($"Unknown argument '{args[i]}'. Usage: run-sample.sh [--prism | --real] [--name NAME] [--days N] [--project ID]");
            }
        }

        return new SampleArguments(mode, name, days, project);
    }

    private static string Value(string[] args, ref int i) =>
        ++i < args.Length ? args[i] : throw new ArgumentException($"{args[i - 1]} needs a value.");
}
