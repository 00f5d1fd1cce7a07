using System.Reflection;
using System.Runtime.Loader;

namespace OnKernel.ApiKeys.Tests.Infrastructure;

/// <summary>
/// The package's builds as assemblies. The test project runs on net10.0 and references the
/// net8.0 build; the netstandard2.0 build (what .NET Framework and .NET 6/7 users get) is
/// built alongside (see the csproj) and loaded here into a context of its own.
/// </summary>
public static class LibraryBuild
{
    private static readonly Dictionary<string, Assembly> Loaded = new();

    public static string PathOf(string targetFramework)
    {
        var configuration = typeof(LibraryBuild).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "Configuration").Value!;
        return RepoPaths.Combine("src", "OnKernel.ApiKeys", "bin", configuration, targetFramework, "OnKernel.ApiKeys.dll");
    }

    public static Assembly Load(string targetFramework)
    {
        if (targetFramework == "net8.0")
        {
            return typeof(KernelClient).Assembly;
        }

        lock (Loaded)
        {
            if (!Loaded.TryGetValue(targetFramework, out var assembly))
            {
                // Its dependencies (Newtonsoft.Json, Microsoft.Extensions.*) resolve from the
                // default context: the same packages the test project already loads.
                assembly = new AssemblyLoadContext("OnKernel.ApiKeys " + targetFramework).LoadFromAssemblyPath(PathOf(targetFramework));
                Loaded[targetFramework] = assembly;
            }

            return assembly;
        }
    }
}
