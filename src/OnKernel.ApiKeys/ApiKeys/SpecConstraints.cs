using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Reflection;
using Newtonsoft.Json;

namespace OnKernel;

/// <summary>
/// Reads a field's constraints from the annotations NSwag generated from the vendored
/// spec (<c>minLength</c>/<c>maxLength</c> as [StringLength], <c>minimum</c>/<c>maximum</c> as
/// [Range]) and its JSON name. A spec revision that moves a bound moves validation with it
/// on the next build; no bound is typed into the facade.
/// </summary>
internal sealed class SpecConstraints
{
    internal SpecConstraints(string wireName, long? minimum, long? maximum)
    {
        WireName = wireName;
        Minimum = minimum;
        Maximum = maximum;
    }

    /// <summary>The field's name in the JSON body, e.g. <c>days_to_expire</c>.</summary>
    public string WireName { get; }

    /// <summary>The smallest allowed length (strings) or value (numbers), if the spec sets one.</summary>
    public long? Minimum { get; }

    /// <summary>The largest allowed length (strings) or value (numbers), if the spec sets one.</summary>
    public long? Maximum { get; }

    public static SpecConstraints Of<TModel>(string propertyName)
    {
        var property = typeof(TModel).GetProperty(propertyName)
            ?? throw new InvalidOperationException($"{typeof(TModel).Name}.{propertyName} is not in the generated model; was the spec changed?");
        var wireName = property.GetCustomAttribute<JsonPropertyAttribute>()?.PropertyName ?? propertyName;

        if (property.GetCustomAttribute<StringLengthAttribute>() is { } length)
        {
            return new SpecConstraints(wireName, length.MinimumLength, length.MaximumLength);
        }

        if (property.GetCustomAttribute<RangeAttribute>() is { } range)
        {
            return new SpecConstraints(wireName, ToInt64(range.Minimum), ToInt64(range.Maximum));
        }

        return new SpecConstraints(wireName, null, null);
    }

    /// <summary>A query or path parameter's bounds, from the table generated next to the client.</summary>
    public static SpecConstraints OfParameter(string operationId, string parameter) =>
        SpecParameterConstraints.Find(operationId, parameter)
        ?? new SpecConstraints(parameter, null, null);

    public string DescribeRange(string unit) => (Minimum, Maximum) switch
    {
        (long min, long max) => $"{min}-{max} {unit}",
        (long min, null) => $"at least {min} {unit}",
        (null, long max) => $"at most {max} {unit}",
        _ => $"any number of {unit}",
    };

    public bool Allows(long value) => (Minimum is null || value >= Minimum) && (Maximum is null || value <= Maximum);

    private static long? ToInt64(object? bound) => bound switch
    {
        null => null,
        double d when double.IsInfinity(d) => null,
        IConvertible c => Convert.ToInt64(c, CultureInfo.InvariantCulture),
        _ => null,
    };
}
