using System.ComponentModel.DataAnnotations;
using System.Reflection;

namespace OnKernel.Testing.Server;

/// <summary>
/// The spec's bounds for request fields, read from the client's generated models (NSwag
/// writes the spec's minLength/maxLength/minimum/maximum as [StringLength] and [Range]), so
/// the fake moves with the spec the client was generated from.
/// </summary>
internal static class SpecBounds
{
    public static readonly Bounds CreateName = Length(typeof(CreateApiKeyRequest), nameof(CreateApiKeyRequest.Name));
    public static readonly Bounds CreateDaysToExpire = Range(typeof(CreateApiKeyRequest), nameof(CreateApiKeyRequest.DaysToExpire));
    public static readonly Bounds UpdateName = Length(typeof(UpdateApiKeyRequest), nameof(UpdateApiKeyRequest.Name));
    public static readonly Bounds RotateDaysToExpire = Range(typeof(RotateApiKeyRequest), nameof(RotateApiKeyRequest.DaysToExpire));
    public static readonly Bounds RotateExpireInDays = Range(typeof(RotateApiKeyRequest), nameof(RotateApiKeyRequest.ExpireInDays));

    // Query parameter bounds are not on any public model; these are the spec's (listApiKeys
    // limit 0-100, offset >= 0). The contract tests compare the fake's verdicts with Prism's.
    public static readonly Bounds ListLimit = new(0, 100);
    public static readonly Bounds ListOffset = new(0, int.MaxValue);

    private static Bounds Length(Type model, string property)
    {
        var attribute = model.GetProperty(property)!.GetCustomAttribute<StringLengthAttribute>();
        return new Bounds(attribute?.MinimumLength ?? 0, attribute?.MaximumLength ?? int.MaxValue);
    }

    private static Bounds Range(Type model, string property)
    {
        var attribute = model.GetProperty(property)!.GetCustomAttribute<RangeAttribute>();
        return attribute is null
            ? new Bounds(long.MinValue, long.MaxValue)
            : new Bounds(Convert.ToInt64(attribute.Minimum, System.Globalization.CultureInfo.InvariantCulture), Convert.ToInt64(attribute.Maximum, System.Globalization.CultureInfo.InvariantCulture));
    }
}

/// <summary>An inclusive range.</summary>
internal readonly struct Bounds
{
    public Bounds(long min, long max)
    {
        Min = min;
        Max = max;
    }

    public long Min { get; }

    public long Max { get; }

    public bool Contains(decimal value) => value >= Min && value <= Max;

    public override string ToString() => Max == int.MaxValue || Max == long.MaxValue ? $"at least {Min}" : $"{Min}-{Max}";
}
