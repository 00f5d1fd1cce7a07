using OnKernel.ApiKeys.ContractTests.Infrastructure;
using OnKernel.ApiKeys.ContractTests.Spec;

namespace OnKernel.ApiKeys.ContractTests;

/// <summary>
/// Valid calls of list, get, update, delete and rotate pass Prism's request validation
/// (path, query, body) and Prism's example responses parse.
/// </summary>
public sealed class OperationAcceptanceTests
{
    private static readonly KernelSpec Spec = KernelSpec.Current;

    [Test]
    public async Task List_with_every_filter_is_accepted_and_pages_end_on_Prisms_headers()
    {
        using var facade = new FacadeHarness();
#pragma warning disable CS0618 // the deprecated filter must still be accepted by the spec
        var options = new ApiKeyListOptions
        {
            Limit = 100, Status = ApiKeyStatus.All, Name = "prod", Query = "proj", SortBy = ApiKeySortBy.CreatedAt,
            SortDirection = ApiKeySortDirection.Asc, IncludeDeleted = true,
        };
#pragma warning restore CS0618

        var keys = new List<ApiKey>();
        await foreach (var key in facade.Client.ApiKeys.ListAsync(options))
        {
            keys.Add(key);
        }

        // Prism answers X-Has-More: null and X-Next-Offset: 0 (no header examples): one page.
        Assert.That(facade.Recorder.Count, Is.EqualTo(1));
        Assert.That(keys, Is.Not.Empty);
        Assert.That(keys[0].Id, Is.EqualTo(Spec.Example("ApiKey", "id")));
        Assert.That(keys[0].MaskedKey, Is.EqualTo(Spec.Example("ApiKey", "masked_key")));
    }

    [Test]
    public async Task List_page_at_an_offset_is_accepted()
    {
        using var facade = new FacadeHarness();
        var page = await facade.Client.ApiKeys.ListPageAsync(new ApiKeyListOptions { Limit = 5 }, offset: 40);
        Assert.That(page.Response.StatusCode, Is.EqualTo(200));
        Assert.That(page.GetNextOffset(), Is.Null);
    }

    [TestCase(false)]
    [TestCase(true)]
    public async Task Get_is_accepted(bool includeDeleted)
    {
        using var facade = new FacadeHarness();
        var key = await facade.Client.ApiKeys.GetAsync("ckv9w8q2f000001l5r3j7k9m4", includeDeleted);
        Assert.That(key.Name, Is.EqualTo(Spec.Example("ApiKey", "name")));
    }

    [Test]
    public async Task Update_is_accepted()
    {
        using var facade = new FacadeHarness();
        var response = await facade.Client.ApiKeys.UpdateWithResponseAsync("key_1", Spec.Example("UpdateApiKeyRequest", "name"));
        Assert.That(response.StatusCode, Is.EqualTo(200));
        Assert.That(response.Value.Id, Is.EqualTo(Spec.Example("ApiKey", "id")));
    }

    [Test]
    public async Task Delete_is_accepted_with_204()
    {
        using var facade = new FacadeHarness();
        var response = await facade.Client.ApiKeys.DeleteWithResponseAsync("key_1");
        Assert.That(response.StatusCode, Is.EqualTo(204));
    }

    [TestCase(null, null)]
    [TestCase(90, 7)]
    [TestCase(1, 0)]
    [TestCase(null, 0)]
    public async Task Rotate_is_accepted_and_returns_a_new_plaintext_key(int? days, int? grace)
    {
        using var facade = new FacadeHarness();
        var rotated = await facade.Client.ApiKeys.RotateAsync("key_1", days, grace);
        Assert.That(rotated.Key, Is.EqualTo(Spec.Example("CreatedApiKey", "key")));
        Assert.That(facade.Recorder.Count, Is.EqualTo(1));
    }
}
