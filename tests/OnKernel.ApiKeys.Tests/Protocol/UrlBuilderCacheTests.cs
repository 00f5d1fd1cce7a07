namespace OnKernel.ApiKeys.Tests.Protocol;

/// <summary>The per-thread builder the generated client builds request URLs in.</summary>
public class UrlBuilderCacheTests
{
    [Test]
    public void A_released_builder_comes_back_empty_on_the_same_thread()
    {
        var first = UrlBuilderCache.Acquire().Append("https://api.test/org/api_keys");
        Assert.That(UrlBuilderCache.Release(first), Is.EqualTo("https://api.test/org/api_keys"));

        var second = UrlBuilderCache.Acquire();

        Assert.Multiple(() =>
        {
            Assert.That(second, Is.SameAs(first));
            Assert.That(second.Length, Is.Zero);
            Assert.That(UrlBuilderCache.Acquire(), Is.Not.SameAs(second), "taken until released");
        });
    }

    [Test]
    public void A_builder_grown_past_the_limit_is_not_kept()
    {
        var large = UrlBuilderCache.Acquire().Append('x', 2000);
        Assert.That(UrlBuilderCache.Release(large), Has.Length.EqualTo(2000));

        Assert.That(UrlBuilderCache.Acquire(), Is.Not.SameAs(large));
    }
}
