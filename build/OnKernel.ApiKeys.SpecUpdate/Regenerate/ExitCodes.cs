namespace OnKernel.ApiKeys.SpecUpdate.Regenerate;

/// <summary>What <c>build/regenerate.sh</c> reports; the CI workflow opens a pull request on <see cref="Updated"/>.</summary>
internal static class ExitCodes
{
    /// <summary>The published spec's API Keys part equals the vendored one.</summary>
    public const int NoChange = 0;

    /// <summary>Any failure: nothing vendored was changed (everything was put back).</summary>
    public const int Failed = 1;

    /// <summary>The command line was wrong.</summary>
    public const int Usage = 2;

    /// <summary>The spec, listings and version were updated, built and tested; a review summary was written.</summary>
    public const int Updated = 10;
}
