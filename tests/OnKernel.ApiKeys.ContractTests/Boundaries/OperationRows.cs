using System.Globalization;
using OnKernel.ApiKeys.ContractTests.Spec;

namespace OnKernel.ApiKeys.ContractTests.Boundaries;

/// <summary>
/// The boundary rows of list, update and rotate (create's are in <see cref="BoundaryRows"/>),
/// with the bounds read from the vendored spec.
/// </summary>
internal static class OperationRows
{
    public static IEnumerable<BoundaryRow> All(KernelSpec spec)
    {
        foreach (var limit in Around(spec.ParameterConstraint("listApiKeys", "limit", "minimum"), spec.ParameterConstraint("listApiKeys", "limit", "maximum")))
        {
            yield return new BoundaryRow($"list limit = {limit}", s => s.ListPageAsync(new ApiKeyListOptions { Limit = (int)limit }), HttpMethod.Get, $"org/api_keys?limit={N(limit)}", null);
        }

        foreach (var offset in Around(spec.ParameterConstraint("listApiKeys", "offset", "minimum"), null))
        {
            yield return new BoundaryRow($"list offset = {offset}", s => s.ListPageAsync(offset: (int)offset), HttpMethod.Get, $"org/api_keys?offset={N(offset)}", null);
        }

        foreach (var length in Around(spec.Constraint("UpdateApiKeyRequest", "name", "minLength"), spec.Constraint("UpdateApiKeyRequest", "name", "maxLength")).Where(l => l >= 0))
        {
            var name = new string('u', (int)length);
            yield return new BoundaryRow($"update name of {length} chars", s => s.UpdateAsync("key_1", name), HttpMethod.Patch, "org/api_keys/key_1", $$"""{"name":"{{name}}"}""");
        }

        foreach (var days in Around(spec.Constraint("RotateApiKeyRequest", "days_to_expire", "minimum"), spec.Constraint("RotateApiKeyRequest", "days_to_expire", "maximum")))
        {
            yield return new BoundaryRow($"rotate days_to_expire = {days}", s => s.RotateAsync("key_1", daysToExpire: (int)days, expireInDays: 0), HttpMethod.Post, "org/api_keys/key_1/rotate", $$"""{"days_to_expire":{{N(days)}},"expire_in_days":0}""");
        }

        foreach (var grace in Around(spec.Constraint("RotateApiKeyRequest", "expire_in_days", "minimum"), spec.Constraint("RotateApiKeyRequest", "expire_in_days", "maximum")))
        {
            yield return new BoundaryRow($"rotate expire_in_days = {grace}", s => s.RotateAsync("key_1", expireInDays: (int)grace), HttpMethod.Post, "org/api_keys/key_1/rotate", $$"""{"expire_in_days":{{N(grace)}}}""");
        }

        // The spec states this rule only in prose; Kernel enforces it, so the facade does too.
        yield return new BoundaryRow("rotate days_to_expire 5 < expire_in_days 7", s => s.RotateAsync("key_1", daysToExpire: 5, expireInDays: 7), HttpMethod.Post, "org/api_keys/key_1/rotate", """{"days_to_expire":5,"expire_in_days":7}""")
        {
            KnownDivergence = "facade stricter than the schema: days_to_expire >= expire_in_days is stated only in the operation's description",
        };
    }

    private static IEnumerable<long> Around(long? min, long? max)
    {
        if (min is long lo)
        {
            yield return lo - 1;
            yield return lo;
        }

        if (max is long hi)
        {
            yield return hi;
            yield return hi + 1;
        }
    }

    private static string N(long value) => value.ToString(CultureInfo.InvariantCulture);
}
