using System.Reflection;

namespace OnKernel;

/// <summary>The package's version, once: the user agent and the telemetry source report the same one.</summary>
internal static class PackageInfo
{
    /// <summary>The package version without build metadata: "0.1.0+abc123" becomes "0.1.0".</summary>
    public static readonly string Version = ReadVersion();

    private static string ReadVersion()
    {
        var assembly = typeof(PackageInfo).Assembly;
        var informational = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
        var version = informational ?? assembly.GetName().Version?.ToString() ?? "0.0.0";
        var plus = version.IndexOf('+');
        return plus < 0 ? version : version.Substring(0, plus);
    }
}
