namespace Kernel.Generated.ContractTests.Infrastructure;

/// <summary>Locates the repository from the test assembly (tests run from tests/*/bin/...).</summary>
internal static class RepoRoot
{
    public static string Path { get; } = Find();

    public static string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    private static string Find()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(System.IO.Path.Combine(dir.FullName, "Kernel.Generated.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Kernel.Generated.sln not found above " + AppContext.BaseDirectory);
    }
}
