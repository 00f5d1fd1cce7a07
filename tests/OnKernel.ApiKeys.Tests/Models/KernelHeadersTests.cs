using OnKernel.ApiKeys.Tests.Infrastructure;

namespace OnKernel.ApiKeys.Tests.Models;

/// <summary>
/// Headers kept from a response: names ignore case, the first value is the first sent, and a
/// server's echo of the caller's key is redacted however the headers are read.
/// </summary>
public class KernelHeadersTests
{
    private static readonly SecretRedactor Redactor = new(Samples.CallerApiKey);

    private static Dictionary<string, IEnumerable<string>> Raw(params (string Name, string[] Values)[] headers) =>
        headers.ToDictionary(h => h.Name, h => (IEnumerable<string>)h.Values);

    [Test]
    public void No_headers_read_as_empty()
    {
        Assert.That(KernelHeaders.Redacted(null, Redactor).Count, Is.Zero);
        Assert.That(KernelHeaders.Redacted(Raw(), Redactor).GetFirst("x"), Is.Null);
        Assert.That(KernelHeaders.From(null).Count, Is.Zero);
    }

    [Test]
    public void A_header_without_values_has_no_first_value()
    {
        var headers = KernelHeaders.From(Raw(("X-Empty", Array.Empty<string>())));
        Assert.That((headers.GetFirst("x-empty"), headers["X-Empty"].Count), Is.EqualTo(((string?)null, 0)));
    }

    [Test]
    public void The_first_value_is_the_first_sent_whether_read_alone_or_after_the_copy()
    {
        var headers = KernelHeaders.Redacted(Raw(("X-Multi", new[] { "a", "b" })), Redactor);
        Assert.That(headers.GetFirst("x-multi"), Is.EqualTo("a"), "read alone, before the copy");
        Assert.That(headers["X-MULTI"], Is.EqualTo(new[] { "a", "b" }));
        Assert.That(headers.GetFirst("x-multi"), Is.EqualTo("a"), "read from the copy");
    }

    [Test]
    public void An_echoed_key_is_redacted_when_read_alone_and_when_copied()
    {
        var echoed = Raw(("X-Echo", new[] { "Bearer " + Samples.CallerApiKey }));
        Assert.Multiple(() =>
        {
            Assert.That(KernelHeaders.Redacted(echoed, Redactor).GetFirst("x-echo"), Is.EqualTo("Bearer [REDACTED]"));
            Assert.That(KernelHeaders.Redacted(echoed, Redactor)["x-echo"], Is.EqualTo(new[] { "Bearer [REDACTED]" }));
            Assert.That(KernelHeaders.Redacted(echoed, Redactor).Single().Value, Is.EqualTo(new[] { "Bearer [REDACTED]" }));
        });
    }
}
