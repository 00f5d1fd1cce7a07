using System.Text;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace OnKernel.ApiKeys.SpecUpdate;

/// <summary>Reads an OpenAPI 3 document, YAML or JSON, from a file or an http(s) URL.</summary>
internal static class SpecSource
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(60) };

    public static YamlMappingNode Load(string source)
    {
        var root = Parse(ReadText(source)) ?? throw new SpecException("the input is empty");
        if (root is not YamlMappingNode document)
        {
            throw new SpecException("not an OpenAPI 3 document: the top level is not a mapping");
        }

        var version = document.Text("openapi");
        if (version is null || !version.StartsWith("3.", StringComparison.Ordinal))
        {
            var found = version ?? (document.Text("swagger") is { } swagger ? $"swagger {swagger}" : "none");
            throw new SpecException($"not an OpenAPI 3 document: expected 'openapi: 3.x', found {found}");
        }

        if (document.Get("paths") is not YamlMappingNode)
        {
            throw new SpecException("not an OpenAPI 3 document: it has no 'paths' mapping");
        }

        return document;
    }

    /// <summary>Parses YAML (JSON being YAML) into its first document's root; null for an empty input.</summary>
    public static YamlNode? Parse(string text)
    {
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(text));
            return stream.Documents.Count == 0 ? null : stream.Documents[0].RootNode;
        }
        catch (YamlException ex)
        {
            var reason = ex.InnerException?.Message ?? ex.Message;
            throw new SpecException(
                $"not valid YAML or JSON (line {ex.Start.Line}, column {ex.Start.Column}): {OneLine(reason)}");
        }
    }

    private static string ReadText(string source)
    {
        if (Uri.TryCreate(source, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps))
        {
            return Download(uri);
        }

        if (Directory.Exists(source))
        {
            throw new SpecException($"cannot read {source}: it is a directory");
        }

        try
        {
            return File.ReadAllText(source, Encoding.UTF8);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            var reason = ex is FileNotFoundException or DirectoryNotFoundException ? "no such file" : OneLine(ex.Message);
            throw new SpecException($"cannot read {source}: {reason}");
        }
    }

    private static string Download(Uri uri)
    {
        try
        {
            // Synchronous on purpose: the command does one request and nothing else meanwhile.
            using var response = Http.Send(new HttpRequestMessage(HttpMethod.Get, uri));
            if (!response.IsSuccessStatusCode)
            {
                throw new SpecException($"cannot download {uri}: HTTP {(int)response.StatusCode} {response.ReasonPhrase}");
            }

            using var reader = new StreamReader(response.Content.ReadAsStream(), Encoding.UTF8);
            return reader.ReadToEnd();
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or IOException)
        {
            throw new SpecException($"cannot download {uri}: {OneLine(ex.GetBaseException().Message)}");
        }
    }

    private static string OneLine(string text) => string.Join(' ', text.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));
}
