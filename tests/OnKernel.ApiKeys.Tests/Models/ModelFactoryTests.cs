namespace OnKernel.ApiKeys.Tests.Models;

/// <summary>ApiKeysModelFactory builds values that behave like the ones the client returns and throws.</summary>
public class ModelFactoryTests
{
    [Test]
    public void A_page_carries_the_paging_headers_the_client_follows()
    {
        var key = ApiKeysModelFactory.ApiKey("k1", "ci");
        var middle = ApiKeysModelFactory.ApiKeyPage(new[] { key }, offset: 20, nextOffset: 40);
        var last = ApiKeysModelFactory.ApiKeyPage(new[] { key }, offset: 40);

        Assert.Multiple(() =>
        {
            Assert.That(middle.Items, Is.EqualTo(new[] { key }));
            Assert.That((middle.Offset, middle.HasMoreHeader, middle.NextOffsetHeader, middle.GetNextOffset()), Is.EqualTo((20, (bool?)true, (int?)40, (int?)40)));
            Assert.That((last.HasMoreHeader, last.NextOffsetHeader, last.GetNextOffset()), Is.EqualTo(((bool?)false, (int?)null, (int?)null)));
            Assert.That(middle.Response.StatusCode, Is.EqualTo(200));
        });
        Assert.Throws<KernelInvalidResponseException>(() => ApiKeysModelFactory.ApiKeyPage(new[] { key }, offset: 40, nextOffset: 40).GetNextOffset());
    }

    [Test]
    public void A_created_key_is_masked_like_Kernel_masks_it_and_never_shows_its_plaintext()
    {
        var created = ApiKeysModelFactory.CreatedApiKey("k1", "ci", "sk_test_abcdef123456", expiresAt: DateTimeOffset.Parse("2027-01-01T00:00:00Z"), projectId: "proj_1");
        Assert.That((created.Key, created.MaskedKey, created.ProjectId, created.ExpiresAt), Is.EqualTo(("sk_test_abcdef123456", "sk_...3456", "proj_1", (DateTimeOffset?)DateTimeOffset.Parse("2027-01-01T00:00:00Z"))));
        Assert.That(created.ToString(), Does.Not.Contain("sk_test_abcdef123456"));
    }

    [TestCase(400, typeof(KernelBadRequestException))]
    [TestCase(401, typeof(KernelAuthenticationException))]
    [TestCase(404, typeof(KernelNotFoundException))]
    [TestCase(418, typeof(KernelApiException))]
    [TestCase(503, typeof(KernelServerException))]
    public void Errors_are_mapped_by_status_as_real_responses_are(int status, Type expected)
    {
        var error = ApiKeysModelFactory.ApiException(status, "some_code", "some message");
        Assert.That(error.GetType(), Is.EqualTo(expected));
        Assert.That((error.StatusCode, error.ErrorCode, error.ErrorMessage), Is.EqualTo((status, "some_code", "some message")));
    }

    [Test]
    public void A_rate_limit_error_reads_its_delay_from_the_headers()
    {
        var error = (KernelRateLimitException)ApiKeysModelFactory.ApiException(429, headers: ApiKeysModelFactory.Headers(new KeyValuePair<string, string>("Retry-After", "7")));
        Assert.That(error.RetryAfter, Is.EqualTo(TimeSpan.FromSeconds(7)));
        Assert.That(error.Headers.GetFirst("retry-after"), Is.EqualTo("7"), "names are case-insensitive");
    }

    [Test]
    public void Responses_carry_value_status_headers_and_attempts()
    {
        var response = ApiKeysModelFactory.Response("v", 201, ApiKeysModelFactory.Headers(new KeyValuePair<string, string>("X-RateLimit-Remaining", "9")), attempts: 2);
        Assert.That((response.Value, response.StatusCode, response.RateLimitRemaining, response.Attempts), Is.EqualTo(("v", 201, (long?)9, 2)));
        Assert.That(ApiKeysModelFactory.Response().StatusCode, Is.EqualTo(204));
        Assert.That(ApiKeysModelFactory.OutcomeUnknownException("ci").RequestedName, Is.EqualTo("ci"));
        Assert.Throws<ArgumentOutOfRangeException>(() => ApiKeysModelFactory.ApiException(200));
    }
}
