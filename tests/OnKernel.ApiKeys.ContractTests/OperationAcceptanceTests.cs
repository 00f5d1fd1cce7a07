using OnKernel.ApiKeys.ContractTests.Infrastructure;
using OnKernel.ApiKeys.ContractTests.Spec;

namespace OnKernel.ApiKeys.ContractTests;

/// <summary>
/// Valid calls of list, get, update, delete and rotate pass request validation (path, query,
/// body) and the answers parse: Prism's examples, and the fake's real answers (the fake holds
/// a key mirroring the spec's ApiKey example, see ContractFake).
/// </summary>
[TestFixtureSource(typeof(Servers), nameof(Servers.All))]
public sealed class OperationAcceptanceTests(ServerKind server)
{
    private static readonly KernelSpec Spec = KernelSpec.Current;

    private bool IsPrism => server == ServerKind.Prism;

    [Test]
    public async Task List_with_every_filter_is_accepted_and_pages_end_on_the_headers()
    {
        using var facade = new FacadeHarness(server);
#pragma warning disable CS0618 // the deprecated filter must still be accepted by the spec
        var options = new ApiKeyListOptions
        {
            Limit = 100, Status = ApiKeyStatus.All, Name = Spec.Example("ApiKey", "name"), Query = "proj", SortBy = ApiKeySortBy.CreatedAt,
            SortDirection = ApiKeySortDirection.Asc,

            // Prism's proxy with --errors turns the deprecation warning for include_deleted
            // into a 422 of its own; every other server must accept the parameter.
            IncludeDeleted = server == ServerKind.FakeBehindPrismProxy ? null : true,
        };
#pragma warning restore CS0618

        var keys = new List<ApiKey>();
        await foreach (var key in facade.Client.ApiKeys.ListAsync(options))
        {
            keys.Add(key);
        }

        // Prism answers X-Has-More: null and X-Next-Offset: 0 (no header examples); the fake,
        // false and 0 for its one matching key: one page either way.
        Assert.That(facade.Recorder.Count, Is.EqualTo(1));
        Assert.That(keys, Has.Count.EqualTo(1));
        Assert.That(keys[0].Id, Is.EqualTo(Spec.Example("ApiKey", "id")));
        Assert.That(keys[0].MaskedKey, Is.EqualTo(Spec.Example("ApiKey", "masked_key")));
    }

    [Test]
    public async Task List_page_at_an_offset_is_accepted()
    {
        using var facade = new FacadeHarness(server);
        var page = await facade.Client.ApiKeys.ListPageAsync(new ApiKeyListOptions { Limit = 5 }, offset: 40);
        Assert.That(page.Response.StatusCode, Is.EqualTo(200));
        Assert.That(page.GetNextOffset(), Is.Null);
    }

    [Test]
    public async Task List_pages_follow_the_next_offset()
    {
        using var facade = new FacadeHarness(server);
        var pages = new List<ApiKeyPage>();
        await foreach (var page in facade.Client.ApiKeys.ListPagesAsync(new ApiKeyListOptions { Limit = 3 }))
        {
            pages.Add(page);
        }

        // The fake holds 4 keys (ContractFake): two pages. Prism's static answer is one page.
        Assert.That(pages.Select(p => p.Offset), Is.EqualTo(IsPrism ? new[] { 0 } : new[] { 0, 3 }));
    }

    [TestCase(false)]
    [TestCase(true)]
    public async Task Get_is_accepted(bool includeDeleted)
    {
        using var facade = new FacadeHarness(server);
        var key = await facade.Client.ApiKeys.GetAsync("ckv9w8q2f000001l5r3j7k9m4", includeDeleted);
        Assert.That(key.Name, Is.EqualTo(Spec.Example("ApiKey", "name")));
        Assert.That(key.ProjectName, Is.EqualTo(Spec.Example("ApiKey", "project_name")));
    }

    [Test]
    public async Task Update_is_accepted()
    {
        using var facade = new FacadeHarness(server);
        var newName = Spec.Example("UpdateApiKeyRequest", "name");
        var response = await facade.Client.ApiKeys.UpdateWithResponseAsync("key_1", newName);
        Assert.That(response.StatusCode, Is.EqualTo(200));
        Assert.That(response.Value.Id, Is.EqualTo(IsPrism ? Spec.Example("ApiKey", "id") : "key_1"));
        Assert.That(response.Value.Name, Is.EqualTo(IsPrism ? Spec.Example("ApiKey", "name") : newName));
    }

    [Test]
    public async Task Delete_is_accepted_with_204()
    {
        using var facade = new FacadeHarness(server);
        var response = await facade.Client.ApiKeys.DeleteWithResponseAsync("key_1");
        Assert.That(response.StatusCode, Is.EqualTo(204));
        Assert.That(facade.Fake?.Keys.Single(k => k.Id == "key_1").DeletedAt, IsPrism ? Is.Null : Is.Not.Null);
    }

    [TestCase(null, null)]
    [TestCase(90, 7)]
    [TestCase(1, 0)]
    [TestCase(null, 0)]
    public async Task Rotate_is_accepted_and_returns_a_new_plaintext_key(int? days, int? grace)
    {
        using var facade = new FacadeHarness(server);
        var rotated = await facade.Client.ApiKeys.RotateAsync("key_1", days, grace);
        if (IsPrism)
        {
            Assert.That(rotated.Key, Is.EqualTo(Spec.Example("CreatedApiKey", "key")));
        }
        else
        {
            Assert.That(rotated.Key, Does.Match("^sk_[0-9A-Za-z]{40}$"));
            Assert.That(rotated.Name, Is.EqualTo("key-1"), "the rotated key's name");
            Assert.That(facade.Fake!.Authenticates(rotated.Key), Is.True);
        }

        Assert.That(facade.Recorder.Count, Is.EqualTo(1));
    }
}
