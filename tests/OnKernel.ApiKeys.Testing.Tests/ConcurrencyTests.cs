using System.Diagnostics;
using OnKernel.ApiKeys.Testing.Tests.Infrastructure;

namespace OnKernel.ApiKeys.Testing.Tests;

/// <summary>One fake under load: every request is applied atomically.</summary>
public sealed class ConcurrencyTests
{
    [Test]
    public async Task A_thousand_concurrent_creates_give_a_thousand_distinct_keys_listed_exactly_once()
    {
        using var setup = new FakeSetup();
        var stopwatch = Stopwatch.StartNew();

        var created = await Task.WhenAll(Enumerable.Range(0, 1000).Select(i => Task.Run(() => setup.Client.ApiKeys.CreateAsync($"load-{i}"))));
        var createTime = stopwatch.Elapsed;

        var pages = new List<ApiKeyPage>();
        await foreach (var page in setup.Client.ApiKeys.ListPagesAsync(new ApiKeyListOptions { Limit = 100 }))
        {
            pages.Add(page);
        }

        TestContext.Progress.WriteLine($"[fake] 1,000 concurrent creates in {createTime.TotalMilliseconds:F0} ms; listed in {pages.Count} pages, {stopwatch.ElapsedMilliseconds} ms in all");
        var listed = pages.SelectMany(p => p.Items).Select(k => k.Id).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(created.Select(k => k.Id).Distinct().Count(), Is.EqualTo(1000));
            Assert.That(created.Select(k => k.Key).Distinct().Count(), Is.EqualTo(1000));
            Assert.That(pages, Has.Count.EqualTo(11));
            Assert.That(listed, Is.Unique);
            Assert.That(listed, Is.EquivalentTo(created.Select(k => k.Id).Append(setup.Admin.Id)));
            Assert.That(created.Select(k => k.Key), Has.All.Matches<string>(setup.Fake.Authenticates));
        });
    }
}
