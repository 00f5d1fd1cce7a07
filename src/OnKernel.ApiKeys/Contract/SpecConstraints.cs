namespace OnKernel;

/// <summary>
/// The bounds the vendored spec sets on one field or parameter: <c>minLength</c>/<c>maxLength</c>
/// for strings (in code points, as JSON Schema counts), <c>minimum</c>/<c>maximum</c> for
/// numbers. Instances come only from the generated <c>SpecBounds</c> table, so a spec revision
/// that moves a bound moves validation with it on the next build; no bound is typed into the
/// facade.
/// </summary>
internal sealed class SpecConstraints
{
    internal SpecConstraints(string wireName, long? minimum, long? maximum)
    {
        WireName = wireName;
        Minimum = minimum;
        Maximum = maximum;
    }

    /// <summary>The field's name on the wire, e.g. <c>days_to_expire</c>.</summary>
    public string WireName { get; }

    /// <summary>The smallest allowed length (strings) or value (numbers), if the spec sets one.</summary>
    public long? Minimum { get; }

    /// <summary>The largest allowed length (strings) or value (numbers), if the spec sets one.</summary>
    public long? Maximum { get; }

    public string DescribeRange(string unit) => (Minimum, Maximum) switch
    {
        (long min, long max) => $"{min}-{max} {unit}",
        (long min, null) => $"at least {min} {unit}",
        (null, long max) => $"at most {max} {unit}",
        _ => $"any number of {unit}",
    };

    public bool Allows(long value) => (Minimum is null || value >= Minimum) && (Maximum is null || value <= Maximum);

    public override string ToString() => $"{WireName}: {DescribeRange("")}".TrimEnd();
}
