using OnKernel.ApiKeys.Tests.Infrastructure;

namespace OnKernel.ApiKeys.Tests.ApiKeys;

/// <summary>The exact words for a bad id or offset, and the JSON Schema length rules behind names.</summary>
public class IdAndOffsetValidationTests
{
    private readonly MockKernel _kernel = new();

    [Test]
    public void A_null_id_says_it_is_required()
    {
        var ex = Assert.ThrowsAsync<ArgumentNullException>(() => _kernel.ApiKeys.GetAsync(null!))!;
        Assert.That(ex.ParamName, Is.EqualTo("id"));
        Assert.That(ex.Message, Does.StartWith("id is required: the API key's id (e.g. 'ckv9w8q2f000001l5r3j7k9m4')."));
    }

    [TestCase("", "id is empty: give the API key's id (e.g. 'ckv9w8q2f000001l5r3j7k9m4').")]
    [TestCase("  ", "id is whitespace: give the API key's id (e.g. 'ckv9w8q2f000001l5r3j7k9m4').")]
    [TestCase(".", "id '.' is not an API key id: it would address another path.")]
    [TestCase("..", "id '..' is not an API key id: it would address another path.")]
    public void A_bad_id_is_named_and_explained(string id, string message)
    {
        var ex = Assert.ThrowsAsync<ArgumentException>(() => _kernel.ApiKeys.DeleteAsync(id))!;
        Assert.That(ex.ParamName, Is.EqualTo("id"));
        Assert.That(ex.Message, Does.StartWith(message));
        Assert.That(_kernel.Recorder.Count, Is.Zero);
    }

    [Test]
    public void A_negative_offset_gives_the_allowed_range()
    {
        var ex = Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => _kernel.ApiKeys.ListPageAsync(offset: -1))!;
        Assert.That(ex.ParamName, Is.EqualTo("offset"));
        Assert.That(ex.Message, Does.StartWith("offset must be at least 0 keys, or 0 for the first page."));
    }

    // Built at run time: an attribute argument is stored as UTF-8, which cannot hold a lone surrogate.
    private const char High = '\uD83D';
    private const char Low = '\uDD11';

    private static IEnumerable<TestCaseData> Lengths() =>
    [
        new TestCaseData("a", 1),
        new TestCaseData("\U0001F511", 1),
        new TestCaseData("a\U0001F511b", 3),
        new TestCaseData("a" + High, 2),
        new TestCaseData(High + "a", 2),
        new TestCaseData(Low.ToString() + High, 2),
    ];

    [TestCaseSource(nameof(Lengths))]
    public void Length_counts_code_points_and_each_lone_surrogate_once(string text, int length) =>
        Assert.That(FieldRules.JsonSchemaLength(text), Is.EqualTo(length));

    private static IEnumerable<TestCaseData> LoneSurrogates() =>
    [
        new TestCaseData("ok", -1),
        new TestCaseData("\U0001F511", -1),
        new TestCaseData("a" + High, 1),
        new TestCaseData(Low + "b", 0),
        new TestCaseData("ab" + High + High + Low, 2),
    ];

    [TestCaseSource(nameof(LoneSurrogates))]
    public void The_first_lone_surrogate_is_found(string text, int index) =>
        Assert.That(FieldRules.LoneSurrogateIndex(text), Is.EqualTo(index));
}
