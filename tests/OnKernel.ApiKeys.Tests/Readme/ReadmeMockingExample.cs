namespace OnKernel.ApiKeys.Tests.Readme;

// The README's "Mocking" example, compiled and run as a test: a user's fake written with
// plain NUnit (no mocking library), built from ApiKeysModelFactory. The region must appear
// verbatim in README.md (ReadmeSnippetTests checks that).

#region readme-mocking
// Code under test: deletes keys whose names start with "tmp-".
public sealed class TempKeyJanitor(ApiKeysService apiKeys)
{
    public async Task<int> CleanUpAsync(CancellationToken ct = default)
    {
        var deleted = 0;
        await foreach (ApiKey key in apiKeys.ListAsync(cancellationToken: ct))
        {
            if (key.Name.StartsWith("tmp-", StringComparison.Ordinal))
            {
                await apiKeys.DeleteAsync(key.Id, ct);
                deleted++;
            }
        }

        return deleted;
    }
}

// A fake: override only what the code under test calls.
public sealed class FakeApiKeys : ApiKeysService
{
    public List<string> Deleted { get; } = new();

    public override async IAsyncEnumerable<ApiKey> ListAsync(ApiKeyListOptions? options = null, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ApiKeyPage page = ApiKeysModelFactory.ApiKeyPage(new[]
        {
            ApiKeysModelFactory.ApiKey("key_1", "tmp-ci"),
            ApiKeysModelFactory.ApiKey("key_2", "production"),
        });
        foreach (ApiKey key in page.Items)
        {
            await Task.Yield();
            yield return key;
        }
    }

    public override Task DeleteAsync(string id, CancellationToken cancellationToken = default)
    {
        if (id == "key_2")
        {
            throw ApiKeysModelFactory.ApiException(400, KernelErrorCodes.CannotDeleteCurrentKey, "an API key cannot delete itself");
        }

        Deleted.Add(id);
        return Task.CompletedTask;
    }
}

public class TempKeyJanitorTests
{
    [Test]
    public async Task Deletes_only_temporary_keys()
    {
        var fake = new FakeApiKeys();
        int deleted = await new TempKeyJanitor(fake).CleanUpAsync();
        Assert.That(deleted, Is.EqualTo(1));
        Assert.That(fake.Deleted, Is.EqualTo(new[] { "key_1" }));
    }
}
#endregion
