namespace OnKernel.Testing.Server;

/// <summary>
/// The fake server's state: keys in creation order, indexes by id and by key hash, and the
/// known projects. Not thread-safe by itself: every caller holds <see cref="Gate"/>, so each
/// request sees and changes the state atomically, as one database transaction would.
/// </summary>
internal sealed class KeyStore
{
    private readonly List<StoredKey> _keys = new();
    private readonly Dictionary<string, StoredKey> _byId = new(StringComparer.Ordinal);
    private readonly Dictionary<string, StoredKey> _byHash = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string?> _projects = new(StringComparer.Ordinal);
    private long _sequence;

    public object Gate { get; } = new();

    /// <summary>Every key, deleted ones included, in creation order.</summary>
    public IReadOnlyList<StoredKey> Keys => _keys;

    public long NextSequence() => ++_sequence;

    /// <summary>A new id no key has (a clash of 23 random characters is unlikely, not impossible).</summary>
    public string NewId()
    {
        string id;
        do
        {
            id = KeyMaterial.NewId();
        }
        while (_byId.ContainsKey(id));

        return id;
    }

    public void Add(StoredKey key)
    {
        if (_byId.ContainsKey(key.Id))
        {
            throw new ArgumentException($"A key with id '{key.Id}' already exists in this FakeKernel.", nameof(key));
        }

        if (_byHash.ContainsKey(key.KeyHash))
        {
            throw new ArgumentException("A key with this plaintext already exists in this FakeKernel.", nameof(key));
        }

        _keys.Add(key);
        _byId.Add(key.Id, key);
        _byHash.Add(key.KeyHash, key);
        if (key.ProjectId is not null && !_projects.ContainsKey(key.ProjectId))
        {
            _projects.Add(key.ProjectId, null);
        }
    }

    public StoredKey? FindById(string id) => _byId.TryGetValue(id, out var key) ? key : null;

    public StoredKey? FindByPlaintext(string plaintext) =>
        _byHash.TryGetValue(KeyMaterial.Hash(plaintext), out var key) ? key : null;

    public void AddProject(string id, string? name) => _projects[id] = name;

    public bool HasProject(string id) => _projects.ContainsKey(id);

    public string? ProjectName(string? id) => id is not null && _projects.TryGetValue(id, out var name) ? name : null;
}
