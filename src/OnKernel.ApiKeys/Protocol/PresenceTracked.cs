namespace OnKernel;

/// <summary>
/// A response model that records which of its required properties the JSON carried, for
/// <see cref="RequiredPropertiesResolver"/>: one number on the object instead of the
/// dictionary per object Newtonsoft.Json builds to check required properties itself.
/// </summary>
internal interface IPresenceTracked
{
    /// <summary>Bit i set: required property i (in contract order) was in the JSON.</summary>
    ulong PresentRequiredProperties { get; set; }

    /// <summary>Bit i set: required property i was last set to null.</summary>
    ulong NullRequiredProperties { get; set; }
}

// The models every successful call parses (a page parses 100 of each).
public partial class ApiKey : IPresenceTracked
{
    ulong IPresenceTracked.PresentRequiredProperties { get; set; }

    ulong IPresenceTracked.NullRequiredProperties { get; set; }
}

public partial class ApiKeyCreator : IPresenceTracked
{
    ulong IPresenceTracked.PresentRequiredProperties { get; set; }

    ulong IPresenceTracked.NullRequiredProperties { get; set; }
}
