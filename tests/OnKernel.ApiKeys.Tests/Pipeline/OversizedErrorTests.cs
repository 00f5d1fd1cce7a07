using OnKernel.ApiKeys.Tests.Infrastructure;

namespace OnKernel.ApiKeys.Tests.Pipeline;

/// <summary>
/// An error body with hundreds of kilobytes where a word is expected, over a real socket: what reaches
/// the exception's message, fields and the log lines is cut to a small bound.
/// </summary>
public class OversizedErrorTests
{
    // Four fields of this size stay under the 1 MiB body limit, so the body is parsed (over it, see ResponseSizeTests).
    private const int Huge = 200 * 1024;
    private const int FieldBound = 512 + 12; // the limit plus "…[truncated]"

    [Test]
    public async Task A_huge_error_message_stays_small_everywhere()
    {
        var big = new string('m', Huge);
        var body = $$$"""
            {"code":"{{{new string('c', Huge)}}}","message":"{{{big}}}",
             "details":[{"code":"d","message":"{{{big}}}"}],"inner_error":{"code":"i","message":"{{{big}}}"}}
            """;
        await using var server = LoopbackServer.Scripted(
            ServerAction.Respond(503, body, headers: ("retry-after-ms", "1")),
            ServerAction.Respond(400, body));
        var (client, logs) = LoopbackClient.For(server, o => o.MaxRetries = 1);
        using (client)
        {
            var ex = Assert.ThrowsAsync<KernelBadRequestException>(() => client.ApiKeys.GetAsync("key_1"));

            Assert.That(ex!.ErrorCode, Is.EqualTo(new string('c', 512) + "…[truncated]"));
            Assert.That(ex.ErrorMessage, Is.EqualTo(new string('m', 512) + "…[truncated]"));
            Assert.That(ex.Message, Is.EqualTo($"400 {ex.ErrorCode}: {ex.ErrorMessage}"));
            Assert.That(ex.ToString().Length, Is.LessThan(10_000));
            Assert.That(ex.Details.Single().Message!.Length, Is.EqualTo(FieldBound));
            Assert.That(ex.InnerError!.Message!.Length, Is.EqualTo(FieldBound));
            Assert.That(ex.RawBody!.Length, Is.EqualTo(KernelApiException.RawBodyLimit + 12));
            Assert.That(logs.Lines.Select(l => l.Message.Length), Has.All.LessThan(10_000));
            Assert.That(server.RequestCount, Is.EqualTo(2));
        }
    }
}
