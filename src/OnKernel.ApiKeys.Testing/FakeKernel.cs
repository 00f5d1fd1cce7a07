using OnKernel.Testing.Server;

namespace OnKernel.Testing;

/// <summary>
/// A stateful, in-memory Kernel serving the API Keys resource through an
/// <see cref="HttpMessageHandler"/>, for testing code that uses <see cref="KernelClient"/>:
/// keys are created, listed, renamed, rotated, expired and deleted as Kernel does it, and
/// requests are authenticated with the keys the fake issued or was seeded with.
/// <code>
/// var time = new FakeTimeProvider();
/// var fake = new FakeKernel(time);
/// fake.SeedKey("sk_test_admin");
/// using var client = new KernelClient(fake.CreateHttpClient(), new KernelClientOptions { ApiKey = "sk_test_admin" });
/// // or: services.AddKernelClient(...).ConfigurePrimaryHttpMessageHandler(() => fake.CreateHandler());
/// </code>
/// Thread-safe: every request is applied atomically.
/// </summary>
public sealed class FakeKernel
{
    private int _requestCount;

    /// <summary>Creates an empty fake Kernel (no keys: seed one with <see cref="SeedKey"/> to authenticate).</summary>
    /// <param name="timeProvider">
    /// The clock for creation, expiry and deletion times; null for the system clock. Pass a
    /// <c>FakeTimeProvider</c> to move time in a test (expire a rotated key, say).
    /// </param>
    public FakeKernel(TimeProvider? timeProvider = null)
    {
        TimeProvider = timeProvider ?? TimeProvider.System;
    }

    /// <summary>The clock the fake reads.</summary>
    public TimeProvider TimeProvider { get; }

    /// <summary>Faults to serve to the next requests (rate limits, 5xx, timeouts, dropped connections).</summary>
    public FakeKernelFaults Faults { get; } = new();

    /// <summary>How many requests reached the fake's handler, faulted ones included.</summary>
    public int RequestCount => Volatile.Read(ref _requestCount);

    /// <summary>Every key, deleted ones included, in creation order, masked as the API returns them.</summary>
    public IReadOnlyList<ApiKey> Keys
    {
        get
        {
            lock (Store.Gate)
            {
                return Store.Keys.Select(ToModel).ToList();
            }
        }
    }

    internal KeyStore Store { get; } = new();

    /// <summary>
    /// Adds a key whose plaintext you choose, to authenticate the client with (or to be found
    /// by the code under test). The fake keeps only its hash, as Kernel does.
    /// </summary>
    /// <param name="plaintext">The key, e.g. <c>sk_test_admin</c>: no whitespace, unique in this fake.</param>
    /// <param name="name">The key's name.</param>
    /// <param name="projectId">The project the key is scoped to (registered if new); null for organisation-wide.</param>
    /// <param name="createdAt">When the key was created; null for now. An earlier time makes an "old" key.</param>
    /// <param name="expiresAt">When the key expires; null for never.</param>
    /// <param name="id">The key's id; null for a fresh Kernel-style id.</param>
    /// <returns>The key as the API returns it (masked).</returns>
    /// <exception cref="ArgumentException">The plaintext is empty, has whitespace, or is already in use; or the id is; or the project id is blank.</exception>
    public ApiKey SeedKey(string plaintext, string name = "seeded-key", string? projectId = null, DateTimeOffset? createdAt = null, DateTimeOffset? expiresAt = null, string? id = null)
    {
        if (string.IsNullOrEmpty(plaintext) || plaintext.Any(char.IsWhiteSpace))
        {
            throw new ArgumentException("plaintext must be a non-empty key without whitespace, e.g. 'sk_test_admin'.", nameof(plaintext));
        }

        if (string.IsNullOrEmpty(name))
        {
            throw new ArgumentException("name must not be empty.", nameof(name));
        }

        if (projectId is not null && projectId.Trim().Length == 0)
        {
            throw new ArgumentException("projectId must be null (organisation-wide) or a project id.", nameof(projectId));
        }

        lock (Store.Gate)
        {
            var created = createdAt ?? TimeProvider.GetUtcNow();
            var lifetime = expiresAt - created;
            var key = new StoredKey(Store.NextSequence(), id ?? Store.NewId(), name, KeyMaterial.Hash(plaintext), KeyMaterial.Mask(plaintext), created, lifetime, expiresAt, projectId);
            Store.Add(key);
            return ToModel(key);
        }
    }

    /// <summary>
    /// Registers a project, so that keys can be created in it and requests scoped to it
    /// (<c>X-Kernel-Project-Id</c>). A create naming an unknown project is answered 404.
    /// </summary>
    /// <param name="projectId">The project's id, e.g. <c>proj_abc123</c>.</param>
    /// <param name="name">The project's name, returned as <c>project_name</c>; null for none.</param>
    public void AddProject(string projectId, string? name = null)
    {
        if (string.IsNullOrWhiteSpace(projectId))
        {
            throw new ArgumentException("projectId must not be empty.", nameof(projectId));
        }

        lock (Store.Gate)
        {
            Store.AddProject(projectId, name);
        }
    }

    /// <summary>Whether a request authenticated with <paramref name="plaintext"/> would be accepted now (the key exists, is not deleted and has not expired).</summary>
    /// <param name="plaintext">The key.</param>
    /// <returns>True when the key works.</returns>
    public bool Authenticates(string plaintext)
    {
        if (string.IsNullOrEmpty(plaintext))
        {
            return false;
        }

        lock (Store.Gate)
        {
            var key = Store.FindByPlaintext(plaintext);
            return key is not null && !key.IsDeleted && !key.IsExpiredAt(TimeProvider.GetUtcNow());
        }
    }

    /// <summary>A new handler serving this fake's state; use it as the primary handler of an <see cref="HttpClient"/> or <c>IHttpClientFactory</c> client. Disposing it leaves the state intact.</summary>
    /// <returns>The handler.</returns>
    public HttpMessageHandler CreateHandler() => new FakeKernelHandler(this);

    /// <summary>
    /// A new <see cref="HttpClient"/> over <see cref="CreateHandler"/>, for
    /// <c>new KernelClient(fake.CreateHttpClient(), options)</c>. Any base URL reaches the fake.
    /// Its own timeout is off, so <see cref="KernelClientOptions.Timeout"/> governs, as with
    /// the client's own connections.
    /// </summary>
    /// <returns>The client; dispose it when done.</returns>
    public HttpClient CreateHttpClient() => new(CreateHandler(), disposeHandler: true) { Timeout = System.Threading.Timeout.InfiniteTimeSpan };

    internal void CountRequest() => Interlocked.Increment(ref _requestCount);

    private ApiKey ToModel(StoredKey key) =>
        ApiKeysModelFactory.ApiKey(key.Id, key.Name, key.MaskedKey, key.CreatedAt, key.ExpiresAt, key.ProjectId, key.DeletedAt);
}
