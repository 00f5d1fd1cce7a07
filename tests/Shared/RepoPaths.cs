namespace OnKernel.TestSupport;

/// <summary>
/// Locates the repository from a test assembly (tests run from tests/*/bin/...). One file,
/// linked into every test project (see Directory.Build.props in tests/).
/// </summary>
internal static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Combine(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Kernel.Generated.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Kernel.Generated.sln not found above " + AppContext.BaseDirectory);
    }
}
