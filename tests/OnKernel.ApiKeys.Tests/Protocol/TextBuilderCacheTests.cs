namespace OnKernel.ApiKeys.Tests.Protocol;

/// <summary>The per-thread builder the generated client builds request URLs and bodies in.</summary>
public class TextBuilderCacheTests
{
    [Test]
    public void A_released_builder_comes_back_empty_on_the_same_thread()
    {
        var first = TextBuilderCache.Acquire().Append("https://api.test/org/api_keys");
        Assert.That(TextBuilderCache.Release(first), Is.EqualTo("https://api.test/org/api_keys"));

        var second = TextBuilderCache.Acquire();

        Assert.Multiple(() =>
        {
            Assert.That(second, Is.SameAs(first));
            Assert.That(second.Length, Is.Zero);
            Assert.That(TextBuilderCache.Acquire(), Is.Not.SameAs(second), "taken until released");
        });
    }

    [Test]
    public void A_builder_grown_past_the_limit_is_not_kept()
    {
        var large = TextBuilderCache.Acquire().Append('x', 2000);
        Assert.That(TextBuilderCache.Release(large), Has.Length.EqualTo(2000));

        Assert.That(TextBuilderCache.Acquire(), Is.Not.SameAs(large));
    }
}
