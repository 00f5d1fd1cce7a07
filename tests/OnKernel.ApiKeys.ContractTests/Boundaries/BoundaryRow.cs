namespace OnKernel.ApiKeys.ContractTests.Boundaries;

/// <summary>
/// One input at or around a constraint of any operation: how the facade sends it, and the
/// same request raw (method, path with query, JSON body), so the facade's verdict can be held
/// against the spec's (through Prism) and the fake's.
/// </summary>
/// <param name="Name">What is tested, e.g. <c>name = 256 chars</c> or <c>list limit = 101</c>.</param>
/// <param name="Facade">The call through the facade.</param>
/// <param name="Method">The raw request's method.</param>
/// <param name="Path">The raw request's path and query, relative to the API root.</param>
/// <param name="Json">The raw request's body; null for none.</param>
public sealed record BoundaryRow(string Name, Func<ApiKeysService, Task> Facade, HttpMethod Method, string Path, string? Json)
{
    /// <summary>
    /// Why the facade knowingly rejects an input the spec allows; null when the two must agree.
    /// </summary>
    public string? KnownDivergence { get; init; }

    public override string ToString() => Name;
}
