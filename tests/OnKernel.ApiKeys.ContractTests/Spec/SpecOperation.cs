namespace OnKernel.ApiKeys.ContractTests.Spec;

/// <summary>One operation of the spec and the statuses it declares.</summary>
public sealed record SpecOperation(string Method, string Path, string OperationId, IReadOnlyList<int> DeclaredStatuses)
{
    public IEnumerable<int> ErrorStatuses => DeclaredStatuses.Where(s => s is < 200 or >= 300);

    public override string ToString() => $"{OperationId} ({Method} {Path})";
}
