namespace OnKernel;

/// <summary>
/// The generic checks behind <see cref="ApiKeyValidation"/>: a string's length as JSON Schema
/// counts it, a number's range, and text that UTF-8 can carry. Each throws the standard
/// argument exception with <see cref="ArgumentException.ParamName"/> set and a message that
/// names the field and the allowed range. Values are described, not echoed.
/// </summary>
internal static class FieldRules
{
    /// <summary>
    /// Refuses text with a lone (unpaired) surrogate. UTF-8 cannot encode one, so it would be
    /// sent as U+FFFD: a different name or id than the caller gave. Refusing is the only
    /// honest answer.
    /// </summary>
    public static void ValidateWellFormed(string? value, string field, string paramName)
    {
        var index = LoneSurrogateIndex(value);
        if (index >= 0)
        {
            throw new ArgumentException(
                $"{field} contains an unpaired UTF-16 surrogate (U+{(int)value![index]:X4} at index {index}), which cannot be sent as UTF-8. Check how the text was built or cut.",
                paramName);
        }
    }

    public static void ValidateString(string? value, SpecConstraints constraints, string paramName)
    {
        if (value is null)
        {
            throw new ArgumentNullException(paramName, $"{constraints.WireName} is required: {constraints.DescribeRange("characters")}.");
        }

        var length = JsonSchemaLength(value);
        if (!constraints.Allows(length))
        {
            throw new ArgumentException(
                $"{constraints.WireName} must be {constraints.DescribeRange("characters")} long; it has {length}.",
                paramName);
        }

        ValidateWellFormed(value, constraints.WireName, paramName);
    }

    public static void ValidateNumber(long? value, SpecConstraints constraints, string paramName, string unit, string nullMeaning)
    {
        if (value is long number && !constraints.Allows(number))
        {
            // No "got N" here: ArgumentOutOfRangeException appends "Actual value was N." itself.
            throw new ArgumentOutOfRangeException(
                paramName,
                value,
                $"{constraints.WireName} must be {constraints.DescribeRange(unit)}, or {nullMeaning}.");
        }
    }

    /// <returns>The index of the first unpaired surrogate, or -1.</returns>
    internal static int LoneSurrogateIndex(string? value)
    {
        if (value is null)
        {
            return -1;
        }

#if NET8_0_OR_GREATER
        // No surrogate at all (nearly every name and id): one vectorised scan says so.
        // Stryker disable once Equality,Statement,Block : a fast path only: the loop below finds no lone surrogate in such text either
        if (value.AsSpan().IndexOfAnyInRange('\uD800', '\uDFFF') < 0)
        {
            return -1;
        }
#endif

        for (var i = 0; i < value.Length; i++)
        {
            if (char.IsHighSurrogate(value[i]) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(value[i]))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>JSON Schema counts characters as Unicode code points: a surrogate pair (an emoji, say) is one.</summary>
    internal static int JsonSchemaLength(string value)
    {
#if NET8_0_OR_GREATER
        // Without surrogates every UTF-16 unit is one code point.
        // Stryker disable once Equality,Statement,Block : a fast path only: the loop below counts the same for such text
        if (value.AsSpan().IndexOfAnyInRange('\uD800', '\uDFFF') < 0)
        {
            return value.Length;
        }
#endif

        var length = 0;
        for (var i = 0; i < value.Length; i++)
        {
            if (char.IsHighSurrogate(value[i]) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                i++;
            }

            length++;
        }

        return length;
    }
}
