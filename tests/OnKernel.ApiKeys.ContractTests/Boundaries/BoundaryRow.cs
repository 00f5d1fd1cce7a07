using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace OnKernel.ApiKeys.ContractTests.Boundaries;

/// <summary>
/// One create input at or around a constraint. Fields marked not sent are left out of the
/// raw JSON; sent nulls are written as explicit <c>null</c> (the spec says nullable, and
/// other SDKs send them), while the facade itself omits nulls.
/// </summary>
public sealed record BoundaryRow(string Field, string Input, string? Name, bool SendDays = false, int? Days = null, bool SendProjectId = false, string? ProjectId = null)
{
    /// <summary>
    /// Why the facade knowingly rejects an input the spec allows; null when the two must agree.
    /// </summary>
    public string? KnownDivergence { get; init; }

    public string Json()
    {
        var body = new JObject { ["name"] = Name is null ? JValue.CreateNull() : new JValue(Name) };
        if (SendDays)
        {
            body["days_to_expire"] = Days is int days ? new JValue(days) : JValue.CreateNull();
        }

        if (SendProjectId)
        {
            body["project_id"] = ProjectId is null ? JValue.CreateNull() : new JValue(ProjectId);
        }

        return body.ToString(Formatting.None);
    }

    public override string ToString() => $"{Field} = {Input}";
}
