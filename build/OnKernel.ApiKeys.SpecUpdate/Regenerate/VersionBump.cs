namespace OnKernel.ApiKeys.SpecUpdate.Regenerate;

/// <summary>The kind of release a spec change calls for.</summary>
internal enum BumpKind
{
    Patch,
    Minor,
    Major,
}

/// <summary>
/// Decides the version from what changed. The .NET SDK's package validation (ApiCompat) is
/// the authority on breaking changes; the public API listing says whether anything was
/// added. Semantic versioning, with the usual rule for 0.x: while the major version is 0, a
/// breaking change bumps the minor version (0.1.0 -> 0.2.0), since 0.x promises no stability.
/// </summary>
internal static class VersionBump
{
    public sealed record Decision(BumpKind Kind, bool Breaking, string NewVersion, string Reason)
    {
        /// <summary>E.g. <c>minor, breaking</c>.</summary>
        public string Label => Kind.ToString().ToLowerInvariant() + (Breaking ? ", breaking" : "");
    }

    /// <param name="current">The package version now, e.g. <c>0.1.0</c>.</param>
    /// <param name="breakingChanges">ApiCompat's findings (CP codes); empty when compatible.</param>
    /// <param name="publicApiChanged">True when a public API listing changed.</param>
    public static Decision Decide(string current, IReadOnlyCollection<string> breakingChanges, bool publicApiChanged)
    {
        var (major, minor, patch) = Parse(current);
        if (breakingChanges.Count > 0)
        {
            return major == 0
                ? new(BumpKind.Minor, true, $"0.{minor + 1}.0", $"{breakingChanges.Count} breaking change(s) found by package validation; while the version is 0.x a breaking change bumps the minor version.")
                : new(BumpKind.Major, true, $"{major + 1}.0.0", $"{breakingChanges.Count} breaking change(s) found by package validation.");
        }

        if (publicApiChanged)
        {
            return new(BumpKind.Minor, false, $"{major}.{minor + 1}.0", "The public API grew (package validation found nothing breaking).");
        }

        return new(BumpKind.Patch, false, $"{major}.{minor}.{patch + 1}", "The spec changed but the public API did not (descriptions, examples or other non-API content).");
    }

    private static (int Major, int Minor, int Patch) Parse(string version)
    {
        var core = version.Split('-', '+')[0].Split('.');
        if (core.Length != 3 || !core.All(p => int.TryParse(p, out _)))
        {
            throw new FormatException($"the package version '{version}' is not MAJOR.MINOR.PATCH");
        }

        return (int.Parse(core[0]), int.Parse(core[1]), int.Parse(core[2]));
    }
}
