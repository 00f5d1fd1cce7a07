using Newtonsoft.Json.Serialization;

namespace OnKernel;

/// <summary>
/// Sets a required property of an <see cref="IPresenceTracked"/> model through Newtonsoft's own
/// value provider, noting in the property's bit that the JSON carried it and whether the value
/// was null (a later duplicate of the property overrides, as its value does).
/// </summary>
internal sealed class TrackingValueProvider : IValueProvider
{
    private readonly IValueProvider _inner;
    private readonly ulong _bit;

    public TrackingValueProvider(IValueProvider inner, ulong bit)
    {
        _inner = inner;
        _bit = bit;
    }

    public static void Reset(IPresenceTracked target)
    {
        target.PresentRequiredProperties = 0;
        target.NullRequiredProperties = 0;
    }

    public void SetValue(object target, object? value)
    {
        var tracked = (IPresenceTracked)target;
        tracked.PresentRequiredProperties |= _bit;
        tracked.NullRequiredProperties = value is null ? tracked.NullRequiredProperties | _bit : tracked.NullRequiredProperties & ~_bit;
        _inner.SetValue(target, value);
    }

    public object? GetValue(object target) => _inner.GetValue(target);
}
