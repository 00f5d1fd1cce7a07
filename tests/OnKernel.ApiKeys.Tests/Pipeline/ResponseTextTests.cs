using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;

namespace OnKernel.ApiKeys.Tests.Pipeline;

/// <summary>
/// The text the parsed-response path gets from the bounded body (BoundedContent.ReadAsTextAsync
/// through ResponseText), decoded exactly as HttpContent decodes it. The 1 MiB limit is in
/// ResponseLimitTests, cancellation in TransportContentTests; over real sockets:
/// ResponseSizeTests and AttemptDeadlineTests.
/// </summary>
public class ResponseTextTests
{
    private static (BoundedContent Content, HttpResponseMessage Response) Bounded(byte[] body, HttpStatusCode status = HttpStatusCode.OK, string? contentType = null, CancellationToken token = default)
    {
        var inner = new ByteArrayContent(body);
        if (contentType is not null)
        {
            inner.Headers.TryAddWithoutValidation("Content-Type", contentType);
        }

        var response = new HttpResponseMessage(status) { Content = inner };
        var attempt = new AttemptContext(new KernelOperation("GET", "org/api_keys/{id}", "ApiKey"), 1, token, new SecretRedactor(null));
        return (new BoundedContent(inner, attempt, response), response);
    }

    [TestCase(null)]
    [TestCase("application/json")]
    [TestCase("application/json; charset=utf-8")]
    [TestCase("application/json; charset=UTF-8")]
    public async Task UTF_8_text_named_or_implied_is_decoded_as_UTF_8(string? contentType)
    {
        var (content, _) = Bounded(Encoding.UTF8.GetBytes("{\"name\":\"clé ✓\"}"), contentType: contentType);

        Assert.That(await content.ReadAsTextAsync(), Is.EqualTo("{\"name\":\"clé ✓\"}"));
    }

    [Test]
    public async Task An_empty_body_is_empty_text()
    {
        Assert.That(await Bounded(Array.Empty<byte>()).Content.ReadAsTextAsync(), Is.EqualTo(string.Empty));
    }

    [Test]
    public async Task Another_charset_decodes_as_that_charset()
    {
        var (content, _) = Bounded(new byte[] { (byte)'"', 0xE9, (byte)'"' }, contentType: "application/json; charset=iso-8859-1");

        Assert.That(await content.ReadAsTextAsync(), Is.EqualTo("\"é\""));
    }

    [TestCase(new byte[] { 0xEF, 0xBB, 0xBF, (byte)'{', (byte)'}' }, TestName = "UTF-8 byte order mark")]
    [TestCase(new byte[] { 0xFF, 0xFE, (byte)'{', 0, (byte)'}', 0 }, TestName = "UTF-16 little-endian byte order mark")]
    [TestCase(new byte[] { 0xFE, 0xFF, 0, (byte)'{', 0, (byte)'}' }, TestName = "UTF-16 big-endian byte order mark")]
    [TestCase(new byte[] { 0xFF, 0xFE, 0, 0, (byte)'{', 0, 0, 0, (byte)'}', 0, 0, 0 }, TestName = "UTF-32 little-endian byte order mark")]
    public async Task A_byte_order_mark_names_the_encoding_and_is_not_part_of_the_text(byte[] body)
    {
        Assert.That(await Bounded(body).Content.ReadAsTextAsync(), Is.EqualTo("{}"));
    }

    [TestCase(new byte[] { 0, 0, 0xFE, 0xFF, 0, 0, 0, (byte)'{' }, TestName = "UTF-32 big-endian mark, which HttpContent does not recognise")]
    [TestCase(new byte[] { 0xEF, 0xBB, (byte)'{' }, TestName = "A broken UTF-8 byte order mark")]
    [TestCase(new byte[] { (byte)'{', 0xC3 }, TestName = "A truncated UTF-8 sequence")]
    public async Task Odd_bytes_decode_exactly_as_HttpContent_decodes_them(byte[] body)
    {
        Assert.That(await Bounded(body).Content.ReadAsTextAsync(), Is.EqualTo(await new ByteArrayContent(body).ReadAsStringAsync()));
    }

    [Test]
    public async Task Only_the_given_length_of_a_pooled_buffer_is_decoded()
    {
        var buffer = Encoding.UTF8.GetBytes("{}garbage");

        Assert.That(await ResponseText.DecodeAsync(buffer, 2, null), Is.EqualTo("{}"));
        Assert.That(await ResponseText.DecodeAsync(buffer, 2, MediaTypeHeaderValue.Parse("application/json; charset=iso-8859-1")), Is.EqualTo("{}"));
    }
}
