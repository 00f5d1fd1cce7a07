using System.Net;
using System.Text;
using OnKernel.ApiKeys.Tests.Infrastructure;

namespace OnKernel.ApiKeys.Tests.Pipeline;

/// <summary>
/// The 1 MiB response limit, at the bounded body itself: exactly at the limit is read, one
/// byte over is refused; a 2xx over it is an invalid response naming a key that may exist,
/// an error over it is that status's error with the start of its body, redacted.
/// </summary>
public class ResponseLimitTests
{
    private static readonly KernelOperation Get = new("GET", "org/api_keys/{id}", "ApiKey");

    private const string Limit = "the body is larger than the 1 MiB response limit; it was not read to the end";

    private static BoundedContent Bounded(KernelOperation operation, int status, byte[] body, int chunk = int.MaxValue)
    {
        var inner = new ScriptedContent(body, chunk);
        inner.Headers.TryAddWithoutValidation("Content-Type", "text/html");
        var response = new HttpResponseMessage((HttpStatusCode)status) { Content = inner };
        response.Headers.TryAddWithoutValidation("X-Request-Id", "req_1");
        return new BoundedContent(inner, new AttemptContext(operation, 1, CancellationToken.None, new SecretRedactor(Samples.CallerApiKey)), response);
    }

    private static AttemptFailedException TooLarge(BoundedContent bounded) => Assert.ThrowsAsync<AttemptFailedException>(() => bounded.ReadAsByteArrayAsync())!;

    [Test]
    public async Task A_body_of_exactly_the_limit_is_read_whole_and_one_byte_more_is_refused()
    {
        var atLimit = await Bounded(Get, 200, new byte[BoundedContent.MaxBytes], chunk: 64 * 1024).ReadAsByteArrayAsync();
        Assert.That(atLimit, Has.Length.EqualTo(BoundedContent.MaxBytes));

        // The parsed-response path reads the same limit through its own pooled buffer.
        var pattern = Enumerable.Range(0, BoundedContent.MaxBytes).Select(i => (byte)('a' + (i % 26))).ToArray();
        Assert.That(await Bounded(Get, 200, pattern, chunk: 64 * 1024).ReadAsTextAsync(), Is.EqualTo(Encoding.ASCII.GetString(pattern)));
        Assert.That(await Bounded(Get, 200, pattern).ReadAsByteArrayAsync(), Is.EqualTo(pattern), "through HttpContent's buffering: every grown buffer copied whole");

        var over = TooLarge(Bounded(Get, 200, new byte[BoundedContent.MaxBytes + 1], chunk: 64 * 1024));
        Assert.That(over.Failure, Is.TypeOf<KernelInvalidResponseException>());
    }

    [TestCase(200, "GET", null, false, "")]
    [TestCase(299, "GET", null, false, "")]
    [TestCase(201, "POST", "deploy-bot", true, " It was not retried: the key 'deploy-bot' was most likely created, so check the existing keys before trying again.")]
    [TestCase(200, "POST", null, true, " It was not retried: the key was most likely created, so check the existing keys before trying again.")]
    public void An_oversized_success_is_a_final_invalid_response(int status, string method, string? name, bool createsKey, string suffix)
    {
        var operation = new KernelOperation(method, "org/api_keys", "ApiKey", createsKey, name);

        var failed = TooLarge(Bounded(operation, status, new byte[BoundedContent.MaxBytes + 1]));
        var asText = Assert.ThrowsAsync<AttemptFailedException>(async () => await Bounded(operation, status, new byte[BoundedContent.MaxBytes + 1]).ReadAsTextAsync())!;

        foreach (var each in new[] { failed, asText })
        {
            Assert.That(each.IsFinal, Is.True, "the server acted: never retried");
            var invalid = (KernelInvalidResponseException)each.Failure;
            Assert.That(invalid.StatusCode, Is.EqualTo(status));
            Assert.That(invalid.Message, Is.EqualTo($"{method} org/api_keys answered {status}, but {Limit}.{suffix}"));
        }
    }

    [TestCase(400)]
    [TestCase(503)]
    public void An_oversized_error_is_that_statuses_error_with_its_headers(int status)
    {
        var failed = TooLarge(Bounded(Get, status, Encoding.UTF8.GetBytes(new string('e', BoundedContent.MaxBytes + 1))));

        Assert.That(failed.IsFinal, Is.False, "retried as the status itself would be");
        Assert.That(failed.Observed.Status, Is.EqualTo(status));
        var error = (KernelApiException)failed.Failure;
        Assert.That(error.StatusCode, Is.EqualTo(status));
        Assert.That(error.Message, Is.EqualTo($"GET org/api_keys/{{id}} answered {status}, and {Limit} (attempt 1)."));
        Assert.That(error.Headers.GetFirst("X-Request-Id"), Is.EqualTo("req_1"), "the response's own headers");
        Assert.That(error.Headers.GetFirst("Content-Type"), Is.EqualTo("text/html"), "and its content's");
        Assert.That(error.RawBody, Does.StartWith(new string('e', KernelApiException.RawBodyLimit)), "the start of the body, as far as RawBody keeps it");
    }

    [Test]
    public void An_oversized_error_keeps_only_the_first_5_KiB_read_redacted()
    {
        // 20 + 150 x 34 bytes = exactly the 5 KiB kept; what follows is never kept, however the body arrives.
        var start = new string('x', 20) + string.Concat(Enumerable.Repeat(Samples.CallerApiKey + " ", 150));
        Assert.That(Encoding.UTF8.GetByteCount(start), Is.EqualTo(KernelApiException.RawBodyLimit + 1024));
        var body = start + "AFTER-THE-PREFIX" + new string('z', BoundedContent.MaxBytes);

        var failed = TooLarge(Bounded(Get, 400, Encoding.UTF8.GetBytes(body), chunk: 1000));

        var error = (KernelApiException)failed.Failure;
        Assert.That(error.RawBody, Is.EqualTo(new string('x', 20) + string.Concat(Enumerable.Repeat("[REDACTED] ", 150))));
    }
}
