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
    public void An_error_code_without_a_message_has_an_empty_message()
    {
        var error = ApiKeysModelFactory.ApiException(404, "not_found");
        Assert.That((error.ErrorCode, error.ErrorMessage, error.Message), Is.EqualTo(("not_found", "", "404 not_found: ")));
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

    /// <summary>An error without Kernel's body is named by its status, as the server would phrase it.</summary>
    [TestCase(400, "Bad Request")]
    [TestCase(401, "Unauthorized")]
    [TestCase(403, "Forbidden")]
    [TestCase(404, "Not Found")]
    [TestCase(408, "Request Timeout")]
    [TestCase(409, "Conflict")]
    [TestCase(422, "Unprocessable Entity")]
    [TestCase(429, "Too Many Requests")]
    [TestCase(500, "Internal Server Error")]
    [TestCase(502, "Bad Gateway")]
    [TestCase(503, "Service Unavailable")]
    [TestCase(504, "Gateway Timeout")]
    [TestCase(418, "HTTP error")]
    public void An_error_without_a_Kernel_body_is_named_by_its_status(int status, string phrase)
    {
        var error = ApiKeysModelFactory.ApiException(status);
        Assert.That(error.Message, Is.EqualTo($"{status} {phrase} (empty body)."));
        Assert.That((error.ErrorCode, error.ErrorMessage, error.RawBody, error.Details.Count, error.InnerError), Is.EqualTo(((string?)null, (string?)null, (string?)null, 0, (ErrorDetail?)null)));
    }

    [TestCase("sk_test_abcdef123456", "sk_...3456")]
    [TestCase("sk_12345", "sk_...")]
    [TestCase("sk_123456", "sk_...3456")]
    public void A_created_keys_default_mask_shows_the_last_four_of_a_long_enough_key(string key, string masked)
    {
        Assert.That(ApiKeysModelFactory.CreatedApiKey("k1", "ci", key).MaskedKey, Is.EqualTo(masked));
        Assert.That(ApiKeysModelFactory.CreatedApiKey("k1", "ci", key, maskedKey: "sk_...given").MaskedKey, Is.EqualTo("sk_...given"));
    }

    [Test]
    public void A_given_creation_time_is_kept_and_a_missing_one_is_now()
    {
        var given = new DateTimeOffset(2025, 5, 6, 7, 8, 9, TimeSpan.Zero);
        Assert.That(ApiKeysModelFactory.ApiKey("k1", "ci", createdAt: given).CreatedAt, Is.EqualTo(given));
        Assert.That(ApiKeysModelFactory.ApiKey("k1", "ci").CreatedAt, Is.EqualTo(DateTimeOffset.UtcNow).Within(TimeSpan.FromMinutes(5)));
        Assert.Throws<ArgumentNullException>(() => ApiKeysModelFactory.CreatedApiKey("k1", "ci", key: null!));
    }

    [Test]
    public void A_page_says_what_it_is_told_about_more_pages()
    {
        var key = ApiKeysModelFactory.ApiKey("k1", "ci");
        var contradictory = ApiKeysModelFactory.ApiKeyPage(new[] { key }, offset: 0, nextOffset: 40, hasMore: false);
        Assert.That((contradictory.HasMoreHeader, contradictory.NextOffsetHeader, contradictory.GetNextOffset()), Is.EqualTo(((bool?)false, (int?)40, (int?)null)));
    }

    [TestCase(399, false)]
    [TestCase(400, true)]
    [TestCase(599, true)]
    [TestCase(600, false)]
    public void Only_error_statuses_make_an_api_exception(int status, bool allowed)
    {
        if (allowed)
        {
            Assert.That(ApiKeysModelFactory.ApiException(status).StatusCode, Is.EqualTo(status));
            return;
        }

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => ApiKeysModelFactory.ApiException(status))!;
        Assert.That((error.ParamName, error.ActualValue, error.Message), Is.EqualTo(("statusCode", (object)status, $"statusCode must be an error status, 400-599. (Parameter 'statusCode'){Environment.NewLine}Actual value was {status}.")));
    }

    [Test]
    public void An_outcome_unknown_exception_wraps_a_timeout_of_the_named_operation()
    {
        var error = ApiKeysModelFactory.OutcomeUnknownException(null, "POST org/api_keys/{id}/rotate");
        Assert.That(error.InnerException!.Message, Is.EqualTo("POST org/api_keys/{id}/rotate timed out (attempt 1)."));
        Assert.That(error.Message, Is.EqualTo("POST org/api_keys/{id}/rotate failed and the key may have been created: POST org/api_keys/{id}/rotate timed out (attempt 1). It was not retried, to avoid a duplicate key; check the existing keys before trying again."));
        Assert.That(ApiKeysModelFactory.OutcomeUnknownException("ci").Message, Does.StartWith("POST org/api_keys failed and the key may have been created (name 'ci'): "));
    }
}
