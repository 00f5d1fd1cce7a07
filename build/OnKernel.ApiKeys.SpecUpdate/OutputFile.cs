using System.Text;

namespace OnKernel.ApiKeys.SpecUpdate;

/// <summary>Reads and replaces the vendored file, never leaving it half-written.</summary>
internal static class OutputFile
{
    public static readonly Encoding Utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);

    public static byte[]? ReadExisting(string path) => File.Exists(path) ? File.ReadAllBytes(path) : null;

    /// <summary>
    /// Writes a temporary file beside <paramref name="path"/> and moves it into place, so that
    /// a failure at any point leaves the previous file as it was.
    /// </summary>
    public static void Replace(string path, byte[] content)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(directory);
        var temporary = Path.Combine(directory, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        try
        {
            File.WriteAllBytes(temporary, content);
            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }
}
