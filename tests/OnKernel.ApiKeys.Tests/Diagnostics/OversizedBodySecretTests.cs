using OnKernel.ApiKeys.Tests.Infrastructure;

namespace OnKernel.ApiKeys.Tests.Diagnostics;

/// <summary>
/// An error body over the 1 MiB limit is kept only as its first 4 KiB: a secret the server
/// echoes right where that cut falls must be redacted whole, not cut in half first.
/// </summary>
public class OversizedBodySecretTests
{
    [TestCase(4096 - 10)]
    [TestCase(4096 - 1)]
    [TestCase(4096)]
    public async Task A_key_across_the_raw_body_cut_leaves_no_part_behind(int keyStartsAt)
    {
        var body = new string('x', keyStartsAt) + Samples.CallerApiKey + new string('y', 1024 * 1024 + 10);
        await using var server = LoopbackServer.Scripted(ServerAction.Respond(500, body, contentType: "text/plain"));
        var (client, _) = LoopbackClient.For(server);
        using (client)
        {
            var error = Assert.ThrowsAsync<KernelServerException>(() => client.ApiKeys.GetAsync("k1"))!;
            Assert.That(error.RawBody, Does.Not.Contain(Samples.CallerApiKey.Substring(0, 8)));
            Assert.That(error.RawBody, Does.StartWith(new string('x', 100)));
        }
    }
}
