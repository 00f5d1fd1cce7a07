using OnKernel.ApiKeys.Testing.Tests.Infrastructure;

namespace OnKernel.ApiKeys.Testing.Tests;

/// <summary>List: paging headers exactly as the client reads them, every filter and sort of the spec.</summary>
public sealed class ListTests
{
    [Test]
    public async Task Pages_carry_the_absolute_next_offset_and_end_with_has_more_false()
    {
        using var setup = new FakeSetup();
        for (var i = 0; i < 44; i++)
        {
            await setup.Client.ApiKeys.CreateAsync($"key-{i:00}");
        }

        var pages = new List<ApiKeyPage>();
        await foreach (var page in setup.Client.ApiKeys.ListPagesAsync(new ApiKeyListOptions { Limit = 20 }))
        {
            pages.Add(page);
        }

        Assert.That(pages.Select(p => (p.Offset, p.Items.Count, p.HasMoreHeader, p.NextOffsetHeader)), Is.EqualTo(new (int, int, bool?, int?)[]
        {
            (0, 20, true, 20),
            (20, 20, true, 40),
            (40, 5, false, 0),
        }));
        Assert.That(pages.SelectMany(p => p.Items).Select(k => k.Id).Distinct().Count(), Is.EqualTo(45));
    }

    [Test]
    public async Task Default_page_is_20_newest_first_and_past_the_end_is_empty()
    {
        using var setup = new FakeSetup();
        for (var i = 0; i < 24; i++)
        {
            setup.Time.Advance(TimeSpan.FromMinutes(1));
            await setup.Client.ApiKeys.CreateAsync($"key-{i:00}");
        }

        var first = await setup.Client.ApiKeys.ListPageAsync();
        var beyond = await setup.Client.ApiKeys.ListPageAsync(offset: 500);

        Assert.Multiple(() =>
        {
            Assert.That(first.Items, Has.Count.EqualTo(20));
            Assert.That(first.Items[0].Name, Is.EqualTo("key-23"));
            Assert.That(beyond.Items, Is.Empty);
            Assert.That(beyond.HasMoreHeader, Is.False);
            Assert.That(beyond.NextOffsetHeader, Is.EqualTo(0));
        });
    }

    [Test]
    public async Task Status_and_include_deleted_select_active_deleted_or_all()
    {
        using var setup = new FakeSetup();
        var kept = await setup.Client.ApiKeys.CreateAsync("kept", daysToExpire: 1);
        var gone = await setup.Client.ApiKeys.CreateAsync("gone");
        await setup.Client.ApiKeys.DeleteAsync(gone.Id);
        setup.Time.Advance(TimeSpan.FromDays(2)); // "kept" has expired: still active (not deleted)

        async Task<string[]> Names(ApiKeyListOptions options) => (await setup.ListAllAsync(options)).Select(k => k.Name).Order(StringComparer.Ordinal).ToArray();
#pragma warning disable CS0618 // the deprecated filter is still served
        Assert.Multiple(async () =>
        {
            Assert.That(await Names(new ApiKeyListOptions()), Is.EqualTo(new[] { "admin", "kept" }));
            Assert.That(await Names(new ApiKeyListOptions { Status = ApiKeyStatus.Active }), Is.EqualTo(new[] { "admin", "kept" }));
            Assert.That(await Names(new ApiKeyListOptions { Status = ApiKeyStatus.Deleted }), Is.EqualTo(new[] { "gone" }));
            Assert.That(await Names(new ApiKeyListOptions { Status = ApiKeyStatus.All }), Is.EqualTo(new[] { "admin", "gone", "kept" }));
            Assert.That(await Names(new ApiKeyListOptions { IncludeDeleted = true }), Is.EqualTo(new[] { "admin", "gone", "kept" }));
            Assert.That(await Names(new ApiKeyListOptions { IncludeDeleted = true, Status = ApiKeyStatus.Deleted }), Is.EqualTo(new[] { "gone" }));
        });
#pragma warning restore CS0618
        Assert.That((await setup.ListAllAsync(new ApiKeyListOptions { Status = ApiKeyStatus.Deleted })).Single().DeletedAt, Is.EqualTo(FakeSetup.Start));
        _ = kept;
    }

    [Test]
    public async Task Name_is_exact_case_and_accent_insensitive_and_query_is_a_substring()
    {
        using var setup = new FakeSetup();
        setup.Fake.AddProject("proj_blue", "Blue Team");
        await setup.Client.ApiKeys.CreateAsync("Café");
        await setup.Client.ApiKeys.CreateAsync("cafe-2");
        var inProject = await setup.Client.ApiKeys.CreateAsync("worker", projectId: "proj_blue");

        async Task<string[]> Names(ApiKeyListOptions options) => (await setup.ListAllAsync(options)).Select(k => k.Name).Order(StringComparer.Ordinal).ToArray();
        Assert.Multiple(async () =>
        {
            Assert.That(await Names(new ApiKeyListOptions { Name = "CAFE" }), Is.EqualTo(new[] { "Café" }));
            Assert.That(await Names(new ApiKeyListOptions { Name = "caf" }), Is.Empty);
            Assert.That(await Names(new ApiKeyListOptions { Query = "AF" }), Is.EqualTo(new[] { "Café", "cafe-2" }));
            Assert.That(await Names(new ApiKeyListOptions { Query = "blue team" }), Is.EqualTo(new[] { "worker" }));
            Assert.That(await Names(new ApiKeyListOptions { Query = "proj_bl" }), Is.EqualTo(new[] { "worker" }));
            Assert.That(await Names(new ApiKeyListOptions { Query = inProject.Id[..10] }), Is.EqualTo(new[] { "worker" }));
            Assert.That(await Names(new ApiKeyListOptions { Query = inProject.MaskedKey }), Is.EqualTo(new[] { "worker" }));
            Assert.That(await Names(new ApiKeyListOptions { Query = inProject.Id[2..10] }), Is.Empty, "ids match by prefix only");
            Assert.That(await Names(new ApiKeyListOptions { Query = "tester@" }), Has.Length.EqualTo(4), "creator");
        });
    }

    [TestCase(ApiKeySortBy.Name, ApiKeySortDirection.Asc, new[] { "alpha", "Bravo", "charlie", "delta" })]
    [TestCase(ApiKeySortBy.Name, ApiKeySortDirection.Desc, new[] { "delta", "charlie", "Bravo", "alpha" })]
    [TestCase(ApiKeySortBy.CreatedAt, ApiKeySortDirection.Asc, new[] { "charlie", "alpha", "delta", "Bravo" })]
    [TestCase(ApiKeySortBy.CreatedAt, ApiKeySortDirection.Desc, new[] { "Bravo", "delta", "alpha", "charlie" })]
    [TestCase(ApiKeySortBy.ExpiresAt, ApiKeySortDirection.Asc, new[] { "delta", "alpha", "charlie", "Bravo" })]
    [TestCase(ApiKeySortBy.ExpiresAt, ApiKeySortDirection.Desc, new[] { "Bravo", "charlie", "alpha", "delta" })]
    public async Task Sorts_by_every_field_in_both_directions(ApiKeySortBy sortBy, ApiKeySortDirection direction, string[] expected)
    {
        using var setup = new FakeSetup(); // the admin key is left out of the comparison
        foreach (var (name, days) in new[] { ("charlie", 30), ("alpha", 20), ("delta", 10), ("Bravo", (int?)null) }.Select(t => (t.Item1, (int?)t.Item2)))
        {
            setup.Time.Advance(TimeSpan.FromHours(1));
            await setup.Client.ApiKeys.CreateAsync(name, days);
        }

        var keys = await setup.ListAllAsync(new ApiKeyListOptions { SortBy = sortBy, SortDirection = direction, Limit = 3 });

        Assert.That(keys.Select(k => k.Name).Where(n => n != "admin"), Is.EqualTo(expected));
    }
}
