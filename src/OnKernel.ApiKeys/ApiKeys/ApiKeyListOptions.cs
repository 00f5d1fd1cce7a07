namespace OnKernel;

/// <summary>
/// Filters and ordering for <see cref="ApiKeysService.ListAsync"/>. Every property is optional;
/// unset ones are not sent, and Kernel applies its defaults.
/// </summary>
public sealed class ApiKeyListOptions
{
    /// <summary>Keys per page (the spec allows 0-100; Kernel's default is 20).</summary>
    public int? Limit { get; set; }

    /// <summary><see cref="ApiKeyStatus.Active"/> (Kernel's default: not deleted, expired included), <see cref="ApiKeyStatus.Deleted"/> or <see cref="ApiKeyStatus.All"/>.</summary>
    public ApiKeyStatus? Status { get; set; }

    /// <summary>Exact-match filter on the name (case- and accent-insensitive). Names are not unique.</summary>
    public string? Name { get; set; }

    /// <summary>Substring match against name, creator and project; ids and masked keys match by exact value or prefix.</summary>
    public string? Query { get; set; }

    /// <summary>The field to sort by.</summary>
    public ApiKeySortBy? SortBy { get; set; }

    /// <summary>The sort direction.</summary>
    public ApiKeySortDirection? SortDirection { get; set; }

    /// <summary>Include soft-deleted keys. Deprecated by Kernel: use <see cref="Status"/> = <see cref="ApiKeyStatus.All"/>.</summary>
    [Obsolete("Kernel deprecated include_deleted: use Status = ApiKeyStatus.All (or ApiKeyStatus.Deleted).")]
    public bool? IncludeDeleted { get; set; }

    internal ApiKeyListOptions Clone() => (ApiKeyListOptions)MemberwiseClone();
}
