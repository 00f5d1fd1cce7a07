namespace OnKernel;

/// <summary>
/// Every rule a request must meet before anything is sent, per operation. Bounds come from
/// the generated <c>SpecBounds</c> table (the vendored spec); the rules the spec states only in
/// prose (ids that address another path, rotate's lifetime versus grace period) are here too,
/// so this is the one place to read what the facade refuses.
/// </summary>
internal static class ApiKeyValidation
{
    public static void ValidateCreate(string? name, int? daysToExpire, string? projectId, string nameParam, string daysParam, string projectParam)
    {
        FieldRules.ValidateString(name, SpecBounds.CreateApiKeyRequestName, nameParam);
        FieldRules.ValidateNumber(daysToExpire, SpecBounds.CreateApiKeyRequestDaysToExpire, daysParam, "days", nullMeaning: "null for a key that never expires");
        ValidateProjectId(projectId, projectParam);
    }

    public static void ValidateUpdate(string? id, string? name)
    {
        ValidateId(id, nameof(id));
        FieldRules.ValidateString(name, SpecBounds.UpdateApiKeyRequestName, nameof(name));
    }

    public static void ValidateRotate(string? id, int? daysToExpire, int? expireInDays)
    {
        ValidateId(id, nameof(id));
        FieldRules.ValidateNumber(daysToExpire, SpecBounds.RotateApiKeyRequestDaysToExpire, nameof(daysToExpire), "days", nullMeaning: "null to keep the rotated key's lifetime");
        FieldRules.ValidateNumber(expireInDays, SpecBounds.RotateApiKeyRequestExpireInDays, nameof(expireInDays), "days", nullMeaning: "null for Kernel's default grace period");
        // Stated in the operation's description, not as a schema constraint.
        if (daysToExpire is int days && expireInDays is int grace && days < grace)
        {
            throw new ArgumentException(
                $"days_to_expire ({days}) is shorter than expire_in_days ({grace}): the new key would expire before the old one; Kernel rejects that. Use days_to_expire >= expire_in_days.",
                nameof(daysToExpire));
        }
    }

    /// <returns>A checked copy: pages fetched later use the filters as they were when listing started.</returns>
    public static ApiKeyListOptions ValidateList(ApiKeyListOptions? options)
    {
        var copy = options?.Clone() ?? new ApiKeyListOptions();
        FieldRules.ValidateNumber(copy.Limit, SpecBounds.ListApiKeysLimit, nameof(options), "keys per page", nullMeaning: "null for Kernel's default");
        FieldRules.ValidateWellFormed(copy.Name, "ApiKeyListOptions.Name", nameof(options));
        FieldRules.ValidateWellFormed(copy.Query, "ApiKeyListOptions.Query", nameof(options));
        return copy;
    }

    public static void ValidateOffset(int offset) =>
        FieldRules.ValidateNumber(offset, SpecBounds.ListApiKeysOffset, nameof(offset), "keys", nullMeaning: "0 for the first page");

    public static void ValidateProjectId(string? projectId, string paramName)
    {
        if (projectId is not null && string.IsNullOrWhiteSpace(projectId))
        {
            throw new ArgumentException(
                $"project_id is {(projectId.Length == 0 ? "empty" : "whitespace")}: give a project id (e.g. 'proj_abc123'), or null for an organisation-wide key.",
                paramName);
        }

        FieldRules.ValidateWellFormed(projectId, "project_id", paramName);
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

        FieldRules.ValidateWellFormed(id, "id", paramName);
    }
}
