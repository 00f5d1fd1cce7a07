using YamlDotNet.RepresentationModel;

namespace OnKernel.ApiKeys.SpecUpdate;

/// <summary>
/// The command: load the input, cut it to the API Keys part, write it normalised (or, with
/// --check, only compare) and print what changed against the vendored file.
/// </summary>
internal static class SpecUpdateCommand
{
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var options = Options.Parse(args, out var usageError);
        if (options is null)
        {
            stderr.WriteLine($"error: {usageError}");
            stderr.WriteLine(Options.Usage);
            return 2;
        }

        try
        {
            var document = ApiKeysCut.Cut(SpecSource.Load(options.Input));
            var content = OutputFile.Utf8.GetBytes(NormalisedYaml.Write(document));
            var existing = OutputFile.ReadExisting(options.Output);
            var unchanged = existing is not null && existing.AsSpan().SequenceEqual(content);

            foreach (var line in Summarise(existing, document, unchanged, stderr))
            {
                stdout.WriteLine(line);
            }

            if (options.Check)
            {
                if (unchanged)
                {
                    return 0;
                }

                stderr.WriteLine($"error: {options.Output} is not up to date with {options.Input}; run build/update-spec.sh {options.Input}");
                return 1;
            }

            if (!unchanged)
            {
                OutputFile.Replace(options.Output, content);
            }

            return 0;
        }
        catch (SpecException ex)
        {
            stderr.WriteLine($"error: {options.Input}: {ex.Message}");
            return 1;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"error: cannot write {options.Output}: {ex.Message}");
            return 1;
        }
    }

    private static IEnumerable<string> Summarise(byte[]? existing, YamlMappingNode document, bool unchanged, TextWriter stderr)
    {
        if (unchanged)
        {
            return ["No changes."];
        }

        YamlMappingNode? before = null;
        if (existing is not null)
        {
            try
            {
                before = SpecSource.Parse(OutputFile.Utf8.GetString(existing)) as YamlMappingNode;
            }
            catch (SpecException ex)
            {
                // Not fatal: the vendored file is about to be replaced; everything counts as added.
                stderr.WriteLine($"warning: the existing output is unreadable ({ex.Message}); comparing against nothing");
            }
        }

        var lines = SpecSummary.Compare(before, document);
        // The bytes differ but nothing summarised did: descriptions, examples, layout...
        return lines.Count > 0 ? lines : ["No changes to operations, parameters or schemas (other content or layout changed)."];
    }
}
