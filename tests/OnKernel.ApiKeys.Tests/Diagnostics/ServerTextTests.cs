namespace OnKernel.ApiKeys.Tests.Diagnostics;

/// <summary>Server text is cut at its limit (never inside a surrogate pair) and read as a sentence.</summary>
public class ServerTextTests
{
    [TestCase("abcde", 5, "abcde")]
    [TestCase("abcdef", 5, "abcde…[truncated]")]
    [TestCase("", 0, "")]
    [TestCase("a", 0, "…[truncated]")]
    public void Text_longer_than_the_limit_is_cut_and_marked(string text, int limit, string expected) =>
        Assert.That(ServerText.Truncate(text, limit), Is.EqualTo(expected));

    [Test]
    public void A_cut_never_splits_a_surrogate_pair()
    {
        // "ab" then U+1F600 (two UTF-16 chars): a cut at 3 would keep only the high half.
        Assert.Multiple(() =>
        {
            Assert.That(ServerText.Truncate("ab\U0001F600c", 3), Is.EqualTo("ab…[truncated]"));
            Assert.That(ServerText.Truncate("ab\U0001F600c", 4), Is.EqualTo("ab\U0001F600…[truncated]"));
            Assert.That(ServerText.Truncate("\U0001F600c", 1), Is.EqualTo("…[truncated]"));
            Assert.That(ServerText.Truncate(null, 3), Is.Null);
        });
    }

    [TestCase("done", "done.")]
    [TestCase("done.", "done.")]
    [TestCase("done!", "done!")]
    [TestCase("done?", "done?")]
    [TestCase("done:  ", "done:.")]
    [TestCase("   ", "")]
    public void A_clause_ends_with_one_closing_mark(string text, string expected) =>
        Assert.That(ServerText.AsSentence(text), Is.EqualTo(expected));
}
