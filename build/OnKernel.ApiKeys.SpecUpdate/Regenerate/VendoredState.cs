namespace OnKernel.ApiKeys.SpecUpdate.Regenerate;

/// <summary>
/// The files a refresh changes (the vendored spec, the public API listings, the project's
/// version), saved before it starts so that a failure puts every one of them back: nothing
/// vendored is left half-updated.
/// </summary>
internal sealed class VendoredState
{
    private readonly Dictionary<string, byte[]?> _saved = new(StringComparer.Ordinal);

    public VendoredState(IEnumerable<string> paths)
    {
        foreach (var path in paths)
        {
            _saved[path] = OutputFile.ReadExisting(path);
        }
    }

    public byte[]? Before(string path) => _saved[path];

    public void Restore()
    {
        foreach (var (path, content) in _saved)
        {
            if (content is null)
            {
                if (File.Exists(path))
                {
                    File.Delete(path);
                }
            }
            else if (!(OutputFile.ReadExisting(path) ?? []).AsSpan().SequenceEqual(content))
            {
                OutputFile.Replace(path, content);
            }
        }
    }
}
