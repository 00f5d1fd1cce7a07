using System.Diagnostics;

namespace OnKernel;

// Hand-written halves of generated models: safe display only. The properties come
// from the spec through generation.

/// <summary>An API key as Kernel describes it (never the plaintext).</summary>
[DebuggerDisplay("{ToString(),nq}")]
public partial class ApiKey
{
    /// <summary>Id, name, masked key and expiry.</summary>
    public override string ToString() =>
        $"{GetType().Name} {{ Id = {Id}, Name = {Name}, MaskedKey = {MaskedKey}, ProjectId = {ProjectId ?? "(org-wide)"}, ExpiresAt = {ExpiresAt?.ToString("o") ?? "(never)"} }}";
}

/// <summary>
/// A newly created (or rotated) key. <see cref="Key"/> holds the plaintext, returned only
/// once: store it now. <c>ToString()</c> and the debugger show only the masked key.
/// </summary>
// DebuggerDisplay is inherited from ApiKey.
[DebuggerTypeProxy(typeof(CreatedApiKeyDebugView))]
public partial class CreatedApiKey
{
}

/// <summary>What the debugger shows when a <see cref="CreatedApiKey"/> is expanded: everything but the plaintext.</summary>
internal sealed class CreatedApiKeyDebugView
{
    private readonly CreatedApiKey _key;

    public CreatedApiKeyDebugView(CreatedApiKey key) => _key = key;

    public string Id => _key.Id;

    public string Name => _key.Name;

    public string MaskedKey => _key.MaskedKey;

    public string Key => "[REDACTED: shown once at creation; read CreatedApiKey.Key in code]";

    public System.DateTimeOffset CreatedAt => _key.CreatedAt;

    public System.DateTimeOffset? ExpiresAt => _key.ExpiresAt;

    public string? ProjectId => _key.ProjectId;
}
