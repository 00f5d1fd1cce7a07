namespace OnKernel;

/// <summary>
/// Checks request fields against the spec before anything is sent. Throws the standard
/// argument exceptions with <see cref="ArgumentException.ParamName"/> set and a message
/// that names the field, says what is wrong and gives the allowed range. Values are
/// described, not echoed (a name can be long; nothing here is worth leaking).
/// </summary>
internal static class ApiKeyValidation
{
    private static readonly SpecConstraints Name = SpecConstraints.Of<CreateApiKeyRequest>(nameof(CreateApiKeyRequest.Name));
    private static readonly SpecConstraints DaysToExpire = SpecConstraints.Of<CreateApiKeyRequest>(nameof(CreateApiKeyRequest.DaysToExpire));

    public static SpecConstraints NameConstraints => Name;

    public static SpecConstraints DaysToExpireConstraints => DaysToExpire;

    public static void ValidateName(string? name, string paramName) => ValidateString(name, Name, paramName);

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

    public static void ValidateDaysToExpire(int? days, string paramName) => ValidateNumber(days, DaysToExpire, paramName, "days", nullMeaning: "null for a key that never expires");

    public static void ValidateProjectId(string? projectId, string paramName)
    {
        if (projectId is not null && string.IsNullOrWhiteSpace(projectId))
        {
            throw new ArgumentException(
                $"project_id is {(projectId.Length == 0 ? "empty" : "whitespace")}: give a project id (e.g. 'proj_abc123'), or null for an organisation-wide key.",
                paramName);
        }

        ValidateWellFormed(projectId, "project_id", paramName);
    }

    public static void ValidateId(string? id, string paramName)
    {
        if (id is null)
        {
            throw new ArgumentNullException(paramName, "id is required: the API key's id (e.g. 'ckv9w8q2f000001l5r3j7k9m4').");
        }

        if (string.IsNullOrWhiteSpace(id))
        {
            throw new ArgumentException($"id is {(id.Length == 0 ? "empty" : "whitespace")}: give the API key's id (e.g. 'ckv9w8q2f000001l5r3j7k9m4').", paramName);
        }

        // Escaped, "." and ".." would still be resolved as path segments by Uri.
        if (id is "." or "..")
        {
            throw new ArgumentException($"id '{id}' is not an API key id: it would address another path.", paramName);
        }

        ValidateWellFormed(id, "id", paramName);
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
