using System.Reflection;
using System.Runtime.Versioning;

namespace OnKernel.ApiKeys.Tests.Hostile;

/// <summary>
/// The tests in this folder run twice: here against the net8.0 build, and in
/// OnKernel.ApiKeys.NetStandard.Tests against the netstandard2.0 build (what .NET Framework
/// and older .NET users get). This proves which build each run really loaded.
/// </summary>
public class BuildUnderTestTests
{
#if KERNEL_NETSTANDARD_BUILD
    internal const string ExpectedFramework = ".NETStandard,Version=v2.0";
#else
    internal const string ExpectedFramework = ".NETCoreApp,Version=v8.0";
#endif

    [Test]
    public void The_loaded_library_is_the_build_this_project_tests()
    {
        var framework = typeof(KernelClient).Assembly.GetCustomAttribute<TargetFrameworkAttribute>()!.FrameworkName;
        Assert.That(framework, Is.EqualTo(ExpectedFramework));
    }
}
