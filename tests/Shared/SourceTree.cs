namespace OnKernel.TestSupport;

/// <summary>
/// A copy of what it takes to build the library (sources, generator, spec, settings; no
/// bin/ or obj/) in a temporary folder outside the repository, for tests that build or
/// pack from a clean state without touching the repository's own outputs. Linked into every
/// test project.
/// </summary>
internal sealed class SourceTree : IDisposable
{
    private static readonly string[] Paths =
    [
        "src/OnKernel.ApiKeys", "src/OnKernel.ApiKeys.Testing", "build/OnKernel.ApiKeys.CodeGen", "build/NSwagGeneration.targets", "build/Version.props", "openapi",
        "nswag.json", "Directory.Build.props", "Directory.Packages.props", ".editorconfig",
    ];

    /// <param name="prefix">The temporary folder's name prefix.</param>
    /// <param name="morePaths">Further files or folders to copy (relative to the repository root).</param>
    public SourceTree(string prefix, params string[] morePaths)
    {
        // Absolute and outside the repository: the library globs **/*.cs, so a copy under
        // src/ would compile twice.
        var temp = System.IO.Path.GetFullPath(System.IO.Path.GetTempPath());
        if (temp.StartsWith(RepoPaths.Root, StringComparison.Ordinal))
        {
            temp = "/tmp";
        }

        Root = System.IO.Path.Combine(temp, prefix + Guid.NewGuid().ToString("N")[..8]);
        foreach (var path in Paths.Concat(morePaths))
        {
            Copy(RepoPaths.Combine(path), System.IO.Path.Combine(Root, path));
        }
    }

    public string Root { get; }

    public string Path(params string[] parts) => System.IO.Path.Combine([Root, .. parts]);

    public string LibraryProject => Path("src", "OnKernel.ApiKeys", "OnKernel.ApiKeys.csproj");

    public string TestingProject => Path("src", "OnKernel.ApiKeys.Testing", "OnKernel.ApiKeys.Testing.csproj");

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a temp folder left behind is harmless.
        }
    }

    private static void Copy(string from, string to)
    {
        if (File.Exists(from))
        {
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(to)!);
            File.Copy(from, to);
            return;
        }

        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var relative = System.IO.Path.GetRelativePath(from, file);
            if (relative.Split(System.IO.Path.DirectorySeparatorChar)[0] is "bin" or "obj")
            {
                continue;
            }

            Copy(file, System.IO.Path.Combine(to, relative));
        }
    }
}
