using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace OnKernel.ApiKeys.SpecUpdate;

/// <summary>
/// Writes a YAML tree in one stable form: block style, 2-space indentation with indented
/// sequences, LF line endings, no line folding, and scalar styles chosen from the value
/// alone (never from how the input spelt it), so YAML and JSON inputs give the same bytes.
/// </summary>
internal static partial class NormalisedYaml
{
    private const string StringTag = "tag:yaml.org,2002:str";

    public static string Write(YamlNode root)
    {
        var text = new StringWriter { NewLine = "\n" };
        var settings = new EmitterSettings(
            bestIndent: 2, bestWidth: int.MaxValue, isCanonical: false, maxSimpleKeyLength: 1024,
            skipAnchorName: false, indentSequences: true, newLine: "\n");
        var emitter = new Emitter(text, settings);
        emitter.Emit(new StreamStart());
        emitter.Emit(new DocumentStart());
        Emit(emitter, root);
        emitter.Emit(new DocumentEnd(isImplicit: true));
        emitter.Emit(new StreamEnd());
        return text.ToString();
    }

    private static void Emit(IEmitter emitter, YamlNode node, bool isKey = false)
    {
        switch (node)
        {
            case YamlScalarNode scalar:
                var (text, style) = Normalise(scalar, isKey);
                emitter.Emit(new Scalar(AnchorName.Empty, TagName.Empty, text, style, isPlainImplicit: true, isQuotedImplicit: true));
                break;
            case YamlSequenceNode seq:
                // Empty collections can only be written in flow style: [] and {}.
                var seqStyle = seq.Children.Count == 0 ? SequenceStyle.Flow : SequenceStyle.Block;
                emitter.Emit(new SequenceStart(AnchorName.Empty, TagName.Empty, isImplicit: true, seqStyle));
                foreach (var item in seq.Children)
                {
                    Emit(emitter, item);
                }

                emitter.Emit(new SequenceEnd());
                break;
            case YamlMappingNode map:
                var mapStyle = map.Children.Count == 0 ? MappingStyle.Flow : MappingStyle.Block;
                emitter.Emit(new MappingStart(AnchorName.Empty, TagName.Empty, isImplicit: true, mapStyle));
                foreach (var (key, value) in map.Children)
                {
                    Emit(emitter, key, isKey: true);
                    Emit(emitter, value);
                }

                emitter.Emit(new MappingEnd());
                break;
            default:
                throw new SpecException($"unsupported YAML node {node.NodeType}");
        }
    }

    /// <summary>
    /// A plain scalar in the input is a number, boolean, null or string by its spelling and
    /// stays plain (nulls spelt one way). A quoted one is a string, and so is every mapping
    /// key (OpenAPI's keys are strings: YAML's <c>201:</c> and JSON's <c>"201":</c> agree).
    /// A string is written plain when that reads back as the same string, single-quoted when
    /// it would read back as another type, a literal block when it spans lines. The emitter itself falls back to quoting where a style
    /// cannot hold the value (leading indicators, ': ', tabs, trailing spaces...).
    /// </summary>
    private static (string Value, ScalarStyle Style) Normalise(YamlScalarNode scalar, bool isKey)
    {
        var value = scalar.Value ?? "";
        var isString = isKey
            || scalar.Style is not (ScalarStyle.Plain or ScalarStyle.Any)
            || (!scalar.Tag.IsEmpty && scalar.Tag.Value == StringTag);
        if (!isString)
        {
            return NullSpelling().IsMatch(value) ? ("null", ScalarStyle.Plain) : (value, ScalarStyle.Plain);
        }

        // Carriage returns, control characters and Unicode line breaks only survive as escapes;
        // tabs too, outside literal blocks, where some readers reject them.
        if (value.Any(c => c != '\n' && c != '\t' && NeedsEscape(c)))
        {
            return (value, ScalarStyle.DoubleQuoted);
        }

        if (value.Contains('\n'))
        {
            return (value, ScalarStyle.Literal);
        }

        if (value.Contains('\t'))
        {
            return (value, ScalarStyle.DoubleQuoted);
        }

        return (value, ReadsAsNonString().IsMatch(value) ? ScalarStyle.SingleQuoted : ScalarStyle.Plain);
    }

    private static bool NeedsEscape(char c) =>
        char.IsControl(c) || c is '\u2028' or '\u2029' or '\ufeff';

    [GeneratedRegex("^(|~|null|Null|NULL)$")]
    private static partial Regex NullSpelling();

    // Spellings that a YAML 1.1 or 1.2 reader would take for null, a boolean, a number or a
    // timestamp (or a merge key), case-insensitively for good measure: quoting too much is harmless.
    [GeneratedRegex(
        """
        ^(|~|null|true|false|y|yes|n|no|on|off|<<|=
        |[-+]?(\.inf|\.nan)
        |[-+]?0b[01_]+|[-+]?0o?[0-7_]+|[-+]?0x[0-9a-f_]+
        |[-+]?[0-9][0-9_]*(:[0-5]?[0-9])+(\.[0-9_]*)?
        |[-+]?(\.[0-9]+|[0-9][0-9_]*(\.[0-9_]*)?)(e[-+]?[0-9]+)?
        |[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}([tT\s].*)?)$
        """,
        RegexOptions.IgnoreCase | RegexOptions.IgnorePatternWhitespace)]
    private static partial Regex ReadsAsNonString();
}
