using Newtonsoft.Json;
using Newtonsoft.Json.Serialization;

namespace OnKernel;

/// <summary>
/// Checks the spec's required properties (<c>[JsonProperty(Required = ...)]</c>) of
/// <see cref="IPresenceTracked"/> models as Newtonsoft.Json would, at a fraction of the cost:
/// Newtonsoft builds a dictionary of every property per object parsed to do it, which was
/// the largest allocation of a call (about 800 bytes a key). Each required property's value is
/// set through <see cref="TrackingValueProvider"/>, which notes on the object, in one bit, that
/// the JSON carried it and whether it was null; after the object is read, an absent required
/// property, or a null where null is not allowed, fails the read with Newtonsoft's own exception
/// type, which the generated client reports as an unreadable body. Other types keep Newtonsoft's
/// own check.
/// </summary>
internal sealed class RequiredPropertiesResolver : DefaultContractResolver
{
    public static readonly RequiredPropertiesResolver Instance = new();

    protected override JsonObjectContract CreateObjectContract(Type objectType)
    {
        var contract = base.CreateObjectContract(objectType);
        if (!typeof(IPresenceTracked).IsAssignableFrom(objectType))
        {
            return contract;
        }

        var required = new List<JsonProperty>();
        foreach (var property in contract.Properties)
        {
            // Stryker disable once Logical : no tracked model has an ignored property, so the two agree
            if (property.Required != Required.Default && !property.Ignored)
            {
                required.Add(property);
            }
        }

        // Stryker disable once Logical,Equality,Block : no tracked model has no or more than 63 required properties; with none, an empty check list checks nothing either
        if (required.Count == 0 || required.Count > 64)
        {
            return contract;
        }

        var names = new string[required.Count];
        ulong all = 0, notNull = 0;
        for (var i = 0; i < required.Count; i++)
        {
            var property = required[i];
            var bit = 1UL << i;
            names[i] = property.PropertyName!;
            // Stryker disable once Assignment : each bit is set once, so or and exclusive or agree
            all |= bit;
            // Stryker disable once NullCoalescing,Boolean : a JsonProperty's PropertyType is never null for a model property
            if (property.Required != Required.AllowNull && !(property.PropertyType?.IsValueType ?? false))
            {
                // Stryker disable once Assignment : each bit is set once, so or and exclusive or agree
                notNull |= bit;
            }

            property.ValueProvider = new TrackingValueProvider(property.ValueProvider!, bit);
            // An object read into the instance the constructor made would never be set, so never be
            // seen: a new one is read and set instead.
            property.ObjectCreationHandling = ObjectCreationHandling.Replace;
            // Newtonsoft's own check off: it is what builds the dictionary.
            property.Required = Required.Default;
        }

        var checks = new Checks(names, all, notNull);
        contract.OnDeserializingCallbacks.Add((target, _) => TrackingValueProvider.Reset((IPresenceTracked)target));
        contract.OnDeserializedCallbacks.Add((target, _) => checks.Verify((IPresenceTracked)target));
        return contract;
    }

    /// <summary>The required properties of one model, as bits in contract order.</summary>
    private sealed class Checks
    {
        private readonly string[] _names;
        private readonly ulong _all;
        private readonly ulong _notNull;

        public Checks(string[] names, ulong all, ulong notNull)
        {
            _names = names;
            _all = all;
            _notNull = notNull;
        }

        public void Verify(IPresenceTracked target)
        {
            var missing = _all & ~target.PresentRequiredProperties;
            var nulls = _notNull & target.PresentRequiredProperties & target.NullRequiredProperties;
            if ((missing | nulls) == 0)
            {
                return;
            }

            // The first property in contract order that fails, as Newtonsoft's own check reports it.
            var first = FirstBit(missing | nulls);
            var name = _names[first];
            throw new JsonSerializationException((missing & (1UL << first)) != 0
                ? $"Required property '{name}' not found in JSON."
                : $"Required property '{name}' expects a non-null value.");
        }

        private static int FirstBit(ulong bits)
        {
            var index = 0;
            while ((bits & 1) == 0)
            {
                // Stryker disable once Assignment : an unsigned number: both shifts bring in zeros
                bits >>= 1;
                index++;
            }

            return index;
        }
    }
}
