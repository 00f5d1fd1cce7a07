namespace OnKernel.Testing.Server;

/// <summary>
/// One key as the fake server keeps it: what a real server returns later, and a hash of the
/// plaintext to authenticate with. Never the plaintext itself. Mutated only under the
/// <see cref="KeyStore"/> lock.
/// </summary>
internal sealed class StoredKey
{
    public StoredKey(long sequence, string id, string name, string keyHash, string maskedKey, DateTimeOffset createdAt, TimeSpan? lifetime, DateTimeOffset? expiresAt, string? projectId)
    {
        Sequence = sequence;
        Id = id;
        Name = name;
        KeyHash = keyHash;
        MaskedKey = maskedKey;
        CreatedAt = createdAt;
        Lifetime = lifetime;
        ExpiresAt = expiresAt;
        ProjectId = projectId;
    }

    /// <summary>Creation order; breaks ties between keys created at the same instant, so paging is stable.</summary>
    public long Sequence { get; }

    public string Id { get; }

    public string Name { get; set; }

    public string KeyHash { get; }

    public string MaskedKey { get; }

    public DateTimeOffset CreatedAt { get; }

    /// <summary>
    /// The lifetime the key was issued with (null: never expires). A rotation of this key
    /// without days_to_expire gives the new key the same lifetime; rotation itself shortens
    /// <see cref="ExpiresAt"/> but not this.
    /// </summary>
    public TimeSpan? Lifetime { get; }

    public DateTimeOffset? ExpiresAt { get; set; }

    public DateTimeOffset? DeletedAt { get; set; }

    public string? ProjectId { get; }

    public bool IsDeleted => DeletedAt is not null;

    public bool IsExpiredAt(DateTimeOffset now) => ExpiresAt is DateTimeOffset expiry && expiry <= now;
}
