namespace OnKernel.ApiKeys.Tests.ApiKeys;

/// <summary>A page reads Kernel's paging headers at their edges exactly.</summary>
public class ApiKeyPageTests
{
    private static ApiKeyPage Page(int offset, params (string Name, string Value)[] headers) =>
        new(new[] { ApiKeysModelFactory.ApiKey("k1", "ci") }, offset,
            ApiKeysModelFactory.Response(statusCode: 200, headers: ApiKeysModelFactory.Headers(headers.Select(h => new KeyValuePair<string, string>(h.Name, h.Value)).ToArray()), attempts: 2));

    [Test]
    public void The_largest_offset_an_int_holds_is_followed_and_one_more_is_an_error()
    {
        Assert.That(Page(0, ("X-Next-Offset", "2147483647")).GetNextOffset(), Is.EqualTo(int.MaxValue));

        var error = Assert.Throws<KernelInvalidResponseException>(() => Page(0, ("X-Next-Offset", "2147483648")).GetNextOffset())!;
        Assert.That(error.Message, Is.EqualTo("GET org/api_keys at offset 0: X-Next-Offset is invalid ('2147483648'): it must be a whole number from 0 to 2147483647."));
    }

    [Test]
    public void More_pages_at_offset_0_cannot_be_located()
    {
        var error = Assert.Throws<KernelInvalidResponseException>(() => Page(20, ("X-Has-More", "true"), ("X-Next-Offset", "0")).GetNextOffset())!;
        Assert.That(error.Message, Is.EqualTo("GET org/api_keys at offset 20: X-Has-More is true but X-Next-Offset is 0: the next page cannot be located."));
        Assert.That((error.StatusCode, error.Attempts), Is.EqualTo((200, 2)));
    }

    [Test]
    public void An_offset_of_0_without_more_pages_ends_the_listing()
    {
        Assert.That(Page(20, ("X-Next-Offset", "0")).GetNextOffset(), Is.Null);
        Assert.That(Page(20, ("X-Has-More", " TRUE "), ("X-Next-Offset", "40")).HasMoreHeader, Is.True);
    }
}
