using System.Net;
using OnKernel.ApiKeys.Tests.Infrastructure;
using RichardSzalay.MockHttp;

namespace OnKernel.ApiKeys.Tests.ApiKeys;

/// <summary>ListAsync / ListPagesAsync / ListPageAsync: the exact requests and Kernel's paging rules.</summary>
public class ListTests
{
    private const string ListUrl = MockKernel.BaseUrl + "org/api_keys";

    /// <summary>Answers list requests by offset; records the offsets asked for.</summary>
    private static (MockKernel Kernel, List<string> Queries) Paged(Func<int, (string Body, (string, string)[] Headers)> page)
    {
        var kernel = new MockKernel();
        var queries = new List<string>();
        kernel.Handler.When(HttpMethod.Get, ListUrl).Respond(request =>
        {
            queries.Add(request.RequestUri!.Query);
            var offsetText = System.Web.HttpUtility.ParseQueryString(request.RequestUri.Query)["offset"];
            var (body, headers) = page(offsetText is null ? 0 : int.Parse(offsetText));
            var response = new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json") };
            foreach (var (name, value) in headers)
            {
                response.Headers.TryAddWithoutValidation(name, value);
            }

            return response;
        });
        return (kernel, queries);
    }

    private static async Task<List<string>> Ids(IAsyncEnumerable<ApiKey> keys)
    {
        var ids = new List<string>();
        await foreach (var key in keys)
        {
            ids.Add(key.Id);
        }

        return ids;
    }

    [Test]
    public async Task Pages_follow_X_Next_Offset_as_an_absolute_offset()
    {
        // Three pages of 2: offsets 0, 2, 4. A client that added the offset to the current
        // one (the official SDKs' bug) would ask for 0, 2, 6 and skip a page.
        var (kernel, queries) = Paged(offset => offset switch
        {
            0 => (ListSamples.Page("a", "b"), [("X-Has-More", "true"), ("X-Next-Offset", "2")]),
            2 => (ListSamples.Page("c", "d"), [("X-Has-More", "true"), ("X-Next-Offset", "4")]),
            4 => (ListSamples.Page("e"), [("X-Has-More", "false"), ("X-Next-Offset", "0")]),
            _ => throw new InvalidOperationException("unexpected offset " + offset),
        });

        var ids = await Ids(kernel.ApiKeys.ListAsync(new ApiKeyListOptions { Limit = 2 }));

        Assert.That(ids, Is.EqualTo(new[] { "a", "b", "c", "d", "e" }));
        Assert.That(queries, Is.EqualTo(new[] { "?limit=2", "?limit=2&offset=2", "?limit=2&offset=4" }));
    }

    [Test]
    public async Task Every_filter_is_sent_with_its_wire_name_and_value()
    {
        var (kernel, queries) = Paged(_ => (ListSamples.Page("a"), []));

#pragma warning disable CS0618 // the deprecated filter is still sent when set
        var options = new ApiKeyListOptions
        {
            Limit = 50,
            Status = ApiKeyStatus.All,
            Name = "ci runner",
            Query = "proj_1",
            SortBy = ApiKeySortBy.ExpiresAt,
            SortDirection = ApiKeySortDirection.Desc,
            IncludeDeleted = true,
        };
#pragma warning restore CS0618
        await Ids(kernel.ApiKeys.ListAsync(options));

        Assert.That(queries.Single(), Is.EqualTo("?limit=50&include_deleted=true&name=ci%20runner&query=proj_1&sort_by=expires_at&sort_direction=desc&status=all"));
    }

    [Test]
    public void IncludeDeleted_is_marked_obsolete()
    {
        var obsolete = typeof(ApiKeyListOptions).GetProperty(nameof(ApiKeyListOptions.Status).Replace("Status", "IncludeDeleted"))!
            .GetCustomAttributes(typeof(ObsoleteAttribute), false).Cast<ObsoleteAttribute>().Single();
        Assert.That(obsolete.Message, Does.Contain("ApiKeyStatus.All"));
    }

    [TestCase("0", null, TestName = "X-Next-Offset 0 ends paging")]
    [TestCase(null, null, TestName = "A missing X-Next-Offset ends paging")]
    [TestCase("2", "false", TestName = "X-Has-More false ends paging")]
    [TestCase("0", "null", TestName = "Prism's X-Has-More null and X-Next-Offset 0 end paging")]
    public async Task Stop_rules(string? nextOffset, string? hasMore)
    {
        var headers = new List<(string, string)>();
        if (nextOffset is not null) headers.Add(("X-Next-Offset", nextOffset));
        if (hasMore is not null) headers.Add(("X-Has-More", hasMore));
        var (kernel, queries) = Paged(offset => offset == 0 ? (ListSamples.Page("a", "b"), headers.ToArray()) : throw new InvalidOperationException("asked for a second page"));

        Assert.That(await Ids(kernel.ApiKeys.ListAsync()), Is.EqualTo(new[] { "a", "b" }));
        Assert.That(queries, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task An_empty_page_ends_paging_even_if_headers_say_more()
    {
        var (kernel, queries) = Paged(_ => ("[]", [("X-Has-More", "true"), ("X-Next-Offset", "20")]));
        Assert.That(await Ids(kernel.ApiKeys.ListAsync()), Is.Empty);
        Assert.That(queries, Has.Count.EqualTo(1));
    }

    [Test]
    public void Has_more_without_a_next_offset_is_an_error_not_a_truncation()
    {
        var (kernel, _) = Paged(_ => (ListSamples.Page("a"), [("X-Has-More", "true")]));

        var ex = Assert.ThrowsAsync<KernelInvalidResponseException>(() => Ids(kernel.ApiKeys.ListAsync()))!;
        Assert.That(ex.Message, Is.EqualTo("GET org/api_keys at offset 0: X-Has-More is true but X-Next-Offset is missing: the next page cannot be located."));
    }

    [Test]
    public void A_server_that_would_loop_is_stopped()
    {
        var (kernel, queries) = Paged(offset => (ListSamples.Page("x" + offset), [("X-Has-More", "true"), ("X-Next-Offset", "3")]));

        var ex = Assert.ThrowsAsync<KernelInvalidResponseException>(() => Ids(kernel.ApiKeys.ListAsync()))!;
        Assert.That(ex.Message, Does.Contain("X-Next-Offset 3 does not move past this page's offset 3: following it would loop."));
        Assert.That(queries, Has.Count.EqualTo(2));
    }

    [Test]
    public async Task Pages_expose_items_and_paging_headers()
    {
        var (kernel, _) = Paged(offset => offset == 0
            ? (ListSamples.Page("a", "b"), [("X-Has-More", "true"), ("X-Next-Offset", "2"), ("X-RateLimit-Remaining", "9")])
            : (ListSamples.Page("c"), [("X-Has-More", "false")]));

        var pages = new List<ApiKeyPage>();
        await foreach (var page in kernel.ApiKeys.ListPagesAsync())
        {
            pages.Add(page);
        }

        Assert.That(pages, Has.Count.EqualTo(2));
        Assert.Multiple(() =>
        {
            Assert.That(pages[0].Items.Select(k => k.Id), Is.EqualTo(new[] { "a", "b" }));
            Assert.That((pages[0].Offset, pages[0].HasMoreHeader, pages[0].NextOffsetHeader, pages[0].GetNextOffset()), Is.EqualTo((0, (bool?)true, (int?)2, (int?)2)));
            Assert.That(pages[0].Response.StatusCode, Is.EqualTo(200));
            Assert.That(pages[0].Response.RateLimitRemaining, Is.EqualTo(9));
            Assert.That((pages[1].Offset, pages[1].HasMoreHeader, pages[1].GetNextOffset()), Is.EqualTo((2, (bool?)false, (int?)null)));
        });
    }

    [Test]
    public async Task ListPageAsync_fetches_one_page_at_the_given_offset()
    {
        var (kernel, queries) = Paged(_ => (ListSamples.Page("q"), [("X-Has-More", "false")]));
        var page = await kernel.ApiKeys.ListPageAsync(new ApiKeyListOptions { Limit = 10 }, offset: 40);
        Assert.That(queries.Single(), Is.EqualTo("?limit=10&offset=40"));
        Assert.That(page.Items.Single().Id, Is.EqualTo("q"));
    }

    [Test]
    public async Task Cancellation_stops_paging_promptly()
    {
        using var cts = new CancellationTokenSource();
        var (kernel, queries) = Paged(offset => (ListSamples.Page("k" + offset), [("X-Has-More", "true"), ("X-Next-Offset", (offset + 1).ToString())]));

        var seen = 0;
        var ex = Assert.CatchAsync<OperationCanceledException>(async () =>
        {
            await foreach (var _ in kernel.ApiKeys.ListAsync(cancellationToken: cts.Token))
            {
                if (++seen == 3)
                {
                    cts.Cancel();
                }
            }
        })!;

        Assert.That(ex.CancellationToken, Is.EqualTo(cts.Token));
        Assert.That(queries, Has.Count.EqualTo(3), "no page requested after cancellation");
    }

    [TestCase(-1)]
    [TestCase(101)]
    public void Limits_outside_the_spec_are_refused_before_sending(int limit)
    {
        var (kernel, queries) = Paged(_ => ("[]", []));
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => kernel.ApiKeys.ListAsync(new ApiKeyListOptions { Limit = limit }))!;
        Assert.That(ex.Message, Does.StartWith("limit must be 0-100 keys per page, or null for Kernel's default. (Parameter 'options')"));
        Assert.That(ex.Message, Does.EndWith($"Actual value was {limit}.").And.Not.Contain("got "), "the value once, as ArgumentOutOfRangeException prints it");
        Assert.That(queries, Is.Empty);
        Assert.Throws<ArgumentOutOfRangeException>(() => kernel.ApiKeys.ListPageAsync(offset: -1));
    }

    [TestCase(0)]
    [TestCase(100)]
    public async Task Limits_at_the_spec_bounds_are_sent(int limit)
    {
        var (kernel, queries) = Paged(_ => ("[]", []));
        await Ids(kernel.ApiKeys.ListAsync(new ApiKeyListOptions { Limit = limit }));
        Assert.That(queries.Single(), Is.EqualTo($"?limit={limit}"));
    }

    [Test]
    public void The_limit_bounds_come_from_the_spec_table()
    {
        var limit = SpecBounds.ListApiKeysLimit;
        Assert.That((limit.WireName, limit.Minimum, limit.Maximum), Is.EqualTo(("limit", (long?)0, (long?)100)));
        Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Ids(new MockKernel().ApiKeys.ListAsync(new ApiKeyListOptions { Limit = 101 })));
    }

    [Test]
    public async Task The_options_object_is_copied_when_listing_starts()
    {
        var (kernel, queries) = Paged(offset => offset == 0
            ? (ListSamples.Page("a"), [("X-Has-More", "true"), ("X-Next-Offset", "1")])
            : (ListSamples.Page("b"), [("X-Has-More", "false")]));
        var options = new ApiKeyListOptions { Name = "first" };

        await foreach (var _ in kernel.ApiKeys.ListAsync(options))
        {
            options.Name = "changed";
        }

        Assert.That(queries, Is.EqualTo(new[] { "?name=first", "?offset=1&name=first" }));
    }
}
