using System.Text.RegularExpressions;

namespace OnKernel.ApiKeys.SpecUpdate.Regenerate;

/// <summary>Reads and sets the packages' &lt;Version&gt; in build/Version.props.</summary>
internal static class ProjectVersion
{
    private static readonly Regex Element = new("<Version>(?<v>[^<]+)</Version>");

    public static string Read(string project) =>
        Element.Match(File.ReadAllText(project)) is { Success: true } match
            ? match.Groups["v"].Value.Trim()
            : throw new InvalidOperationException($"{project} has no <Version> element");

    public static void Write(string project, string version) =>
        OutputFile.Replace(project, OutputFile.Utf8.GetBytes(Element.Replace(File.ReadAllText(project), $"<Version>{version}</Version>", 1)));
}
