using OnKernel.ApiKeys.Tests.Infrastructure;

namespace OnKernel.ApiKeys.Tests.ApiKeys;

/// <summary>
/// An X-Next-Offset that is present but unusable (negative, not a number, beyond int) is
/// an invalid response whatever X-Has-More says, over a real socket: listing never ends
/// quietly on it, and the message quotes the value, bounded.
/// </summary>
[Parallelizable(ParallelScope.Children)]
public class MalformedPagingTests
{
    private static ServerAction Page(string nextOffset, string? hasMore)
    {
        var headers = new List<(string, string)> { ("X-Next-Offset", nextOffset) };
        if (hasMore is not null)
        {
            headers.Add(("X-Has-More", hasMore));
        }

        return ServerAction.Respond(200, ListSamples.Page("a", "b"), headers: [.. headers]);
    }

    [Test]
    public async Task A_malformed_next_offset_fails_the_listing_after_the_first_page(
        [Values("-1", "-2147483649", "abc", "2147483648", "99999999999999999999", "1.5", "0x10")] string nextOffset,
        [Values(null, "garbage", "1", "yes", "true", "false")] string? hasMore)
    {
        await using var server = LoopbackServer.Scripted(Page(nextOffset, hasMore));
        var (client, _) = LoopbackClient.For(server);
        using (client)
        {
            var seen = new List<string>();
            var ex = Assert.ThrowsAsync<KernelInvalidResponseException>(async () =>
            {
                await foreach (var key in client.ApiKeys.ListAsync())
                {
                    seen.Add(key.Id);
                }
            });

            Assert.That(ex!.Message, Is.EqualTo($"GET org/api_keys at offset 0: X-Next-Offset is invalid ('{nextOffset}'): it must be a whole number from 0 to 2147483647."));
            Assert.That(ex.StatusCode, Is.EqualTo(200));
            Assert.That(seen, Is.EqualTo(new[] { "a", "b" }));
            Assert.That(server.RequestCount, Is.EqualTo(1));
        }
    }

    [Test]
    public async Task A_single_page_reports_the_malformed_offset_when_asked_for_the_next()
    {
        await using var server = LoopbackServer.Scripted(Page("-20", "yes"));
        var (client, _) = LoopbackClient.For(server);
        using (client)
        {
            var page = await client.ApiKeys.ListPageAsync();

            Assert.That(page.NextOffsetHeader, Is.Null);
            var ex = Assert.Throws<KernelInvalidResponseException>(() => page.GetNextOffset());
            Assert.That(ex!.Message, Does.Contain("X-Next-Offset is invalid ('-20')"));
            Assert.That(ex.Message, Does.Not.Contain("missing"));
        }
    }

    [Test]
    public async Task A_huge_header_value_is_quoted_only_in_part()
    {
        var huge = new string('9', 5000);
        await using var server = LoopbackServer.Scripted(Page(huge, null));
        var (client, _) = LoopbackClient.For(server);
        using (client)
        {
            var page = await client.ApiKeys.ListPageAsync();

            var ex = Assert.Throws<KernelInvalidResponseException>(() => page.GetNextOffset());
            Assert.That(ex!.Message, Does.Contain($"X-Next-Offset is invalid ('{new string('9', 64)}…[truncated]')"));
            Assert.That(ex.Message.Length, Is.LessThan(250));
        }
    }

    [Test]
    public async Task The_usual_end_of_paging_still_ends_quietly()
    {
        await using var server = LoopbackServer.Scripted(ServerAction.Respond(200, ListSamples.Page("a"), headers: [("X-Has-More", "false"), ("X-Next-Offset", "0")]));
        var (client, _) = LoopbackClient.For(server);
        using (client)
        {
            var page = await client.ApiKeys.ListPageAsync();

            Assert.That(page.GetNextOffset(), Is.Null);
        }
    }
}
