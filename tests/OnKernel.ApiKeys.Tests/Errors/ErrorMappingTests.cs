using System.Net;
using OnKernel.ApiKeys.Tests.Infrastructure;
using RichardSzalay.MockHttp;

namespace OnKernel.ApiKeys.Tests.Errors;

/// <summary>Every failure reaches the caller as one type of the Kernel exception family, with the parsed fields.</summary>
public class ErrorMappingTests
{
    private static async Task<Exception> CreateFailing(HttpStatusCode status, string body, string mediaType = "application/json", params (string, string)[] headers)
    {
        var kernel = new MockKernel();
        kernel.OnCreate().Respond(_ =>
        {
            var response = new HttpResponseMessage(status) { Content = new StringContent(body, System.Text.Encoding.UTF8, mediaType) };
            foreach (var (name, value) in headers)
            {
                response.Headers.TryAddWithoutValidation(name, value);
            }

            return response;
        });

        try
        {
            await kernel.ApiKeys.CreateAsync("staging");
        }
        catch (Exception ex)
        {
            SecretWatch.AssertClean(ex, kernel.Logs);
            return ex;
        }

        throw new AssertionException("expected an exception");
    }

    [TestCase(400, typeof(KernelBadRequestException))]
    [TestCase(401, typeof(KernelAuthenticationException))]
    [TestCase(403, typeof(KernelPermissionDeniedException))]
    [TestCase(404, typeof(KernelNotFoundException))]
    [TestCase(409, typeof(KernelConflictException))]
    [TestCase(422, typeof(KernelUnprocessableEntityException))]
    [TestCase(429, typeof(KernelRateLimitException))]
    [TestCase(418, typeof(KernelApiException))]
    [TestCase(500, typeof(KernelServerException))]
    [TestCase(503, typeof(KernelServerException))]
    public async Task Each_status_maps_to_its_type_with_the_parsed_error(int status, Type expected)
    {
        var ex = await CreateFailing((HttpStatusCode)status, Samples.ErrorJson("some_code", "days_to_expire must be at most 3650"), "application/json", ("X-Request-Id", "req_1"));

        // A 500 on a create leaves the outcome open: the API error is the inner exception.
        var api = ex is KernelOutcomeUnknownException unknown ? (KernelApiException)unknown.InnerException! : (KernelApiException)ex;
        Assert.Multiple(() =>
        {
            Assert.That(api.GetType(), Is.EqualTo(expected));
            Assert.That(api.StatusCode, Is.EqualTo(status));
            Assert.That(api.ErrorCode, Is.EqualTo("some_code"));
            Assert.That(api.ErrorMessage, Is.EqualTo("days_to_expire must be at most 3650"));
            Assert.That(api.Message, Is.EqualTo($"{status} some_code: days_to_expire must be at most 3650"));
            Assert.That(api.Details.Select(d => d.Code), Is.EqualTo(new[] { "invalid_input" }));
            Assert.That(api.InnerError!.Code, Is.EqualTo("validation"));
            Assert.That(api.Headers.GetFirst("x-request-id"), Is.EqualTo("req_1"));
            Assert.That(api.RawBody, Does.Contain("\"some_code\""));
            Assert.That(api.Attempts, Is.EqualTo(1));
        });
        Assert.That(ex, Is.InstanceOf<OnKernelException>());
    }

    [Test]
    public async Task A_500_on_create_says_the_key_may_exist()
    {
        var ex = await CreateFailing(HttpStatusCode.InternalServerError, Samples.ErrorJson("internal_error", "boom"));
        Assert.That(ex, Is.TypeOf<KernelOutcomeUnknownException>());
        var unknown = (KernelOutcomeUnknownException)ex;
        Assert.That(unknown.RequestedName, Is.EqualTo("staging"));
        Assert.That(unknown.Message, Does.StartWith("POST org/api_keys failed and the key may have been created (name 'staging'): 500 internal_error: boom"));
    }

    [Test]
    public async Task A_429_carries_retry_after()
    {
        var ex = (KernelRateLimitException)await CreateFailing((HttpStatusCode)429, Samples.ErrorJson("rate_limited", "slow down"), "application/json", ("Retry-After", "7"));
        Assert.That(ex.RetryAfter, Is.EqualTo(TimeSpan.FromSeconds(7)));
    }

    [Test]
    public async Task An_HTML_page_from_a_proxy_maps_by_status_with_the_raw_body()
    {
        var ex = (KernelServerException)await CreateFailing(HttpStatusCode.ServiceUnavailable, "<html><body>503 Service Temporarily Unavailable</body></html>", "text/html");
        Assert.Multiple(() =>
        {
            Assert.That(ex.StatusCode, Is.EqualTo(503));
            Assert.That(ex.ErrorCode, Is.Null);
            Assert.That(ex.Message, Is.EqualTo("503 Service Unavailable (body was not a Kernel error)."));
            Assert.That(ex.RawBody, Does.StartWith("<html>"));
        });
    }

    [Test]
    public async Task A_declared_status_with_an_HTML_body_still_maps()
    {
        var ex = (KernelBadRequestException)await CreateFailing(HttpStatusCode.BadRequest, "<html>bad</html>", "text/html");
        Assert.That(ex.ErrorCode, Is.Null);
        Assert.That(ex.RawBody, Is.EqualTo("<html>bad</html>"));
    }

    [Test]
    public async Task An_empty_error_body_maps_by_status()
    {
        var ex = (KernelAuthenticationException)await CreateFailing(HttpStatusCode.Unauthorized, "");
        Assert.That(ex.Message, Is.EqualTo("401 Unauthorized (empty body)."));
    }

    [Test]
    public async Task The_raw_body_is_capped()
    {
        var ex = (KernelNotFoundException)await CreateFailing(HttpStatusCode.NotFound, new string('x', 100_000), "text/plain");
        Assert.That(ex.RawBody!.Length, Is.LessThanOrEqualTo(KernelApiException.RawBodyLimit + 20));
    }

    [Test]
    public async Task A_server_echoing_the_callers_key_is_redacted()
    {
        var ex = (KernelAuthenticationException)await CreateFailing(HttpStatusCode.Unauthorized, Samples.ErrorJson("unauthorized", "token " + Samples.CallerApiKey + " is revoked"));
        Assert.That(ex.ErrorMessage, Is.EqualTo("token [REDACTED] is revoked"));
    }

    [TestCase("{\"id\": \"k\", \"name\": \"x\", \"key\": \"sk_live_PLAINTEXT_0123", TestName = "Truncated 2xx body")]
    [TestCase("<html>ok</html>", TestName = "HTML 2xx body")]
    [TestCase("", TestName = "Empty 2xx body")]
    [TestCase("{\"id\": \"k\", \"name\": \"x\"}", TestName = "2xx body missing required fields")]
    public async Task A_broken_success_body_is_an_invalid_response(string body)
    {
        var ex = await CreateFailing(HttpStatusCode.Created, body);
        Assert.That(ex, Is.TypeOf<KernelInvalidResponseException>());
        Assert.That(ex.Message, Does.StartWith("POST org/api_keys answered 201, but the body is not the CreatedApiKey the API promises"));
        Assert.That(((KernelInvalidResponseException)ex).StatusCode, Is.EqualTo(201));
    }

    [Test]
    public async Task A_created_key_without_its_plaintext_is_an_invalid_response()
    {
        var withoutKey = Samples.CreatedKeyJson.Replace("\"key\": \"sk_live_PLAINTEXT_0123456789abcdef\"", "\"other\": 1");
        var ex = await CreateFailing(HttpStatusCode.Created, withoutKey);
        Assert.That(ex, Is.TypeOf<KernelInvalidResponseException>());
        Assert.That(ex.Message, Does.Contain("Required property 'key' not found"));

        var emptyKey = Samples.CreatedKeyJson.Replace(Samples.PlaintextKey, "");
        var ex2 = await CreateFailing(HttpStatusCode.Created, emptyKey);
        Assert.That(ex2.Message, Does.EndWith("the plaintext key ('key') is empty."));
    }

    [Test]
    public async Task A_200_where_the_spec_says_201_is_success()
    {
        var kernel = new MockKernel();
        kernel.OnCreate().Respond(HttpStatusCode.OK, "application/json", Samples.CreatedKeyJson);
        var response = await kernel.ApiKeys.CreateWithResponseAsync(new CreateApiKeyRequest { Name = "ci" });
        Assert.That(response.StatusCode, Is.EqualTo(200));
        Assert.That(response.Value.Key, Is.EqualTo(Samples.PlaintextKey));
    }

    [TestCase("""{"code": 5, "message": "not a Kernel error"}""")]
    [TestCase("""{"code": "broken", "message": """)]
    [TestCase("""["code"]""")]
    public async Task A_body_that_is_not_a_Kernel_error_maps_by_status_alone(string body)
    {
        var ex = (KernelApiException)await CreateFailing((HttpStatusCode)418, body);
        Assert.Multiple(() =>
        {
            Assert.That(ex.GetType(), Is.EqualTo(typeof(KernelApiException)));
            Assert.That((ex.ErrorCode, ex.ErrorMessage), Is.EqualTo(((string?)null, (string?)null)));
            Assert.That(ex.Message, Is.EqualTo("418 HTTP error (body was not a Kernel error)."));
            Assert.That(ex.RawBody, Is.EqualTo(body));
        });
    }

    [TestCase("86400", 86400.0)]
    [TestCase("86401", null)]
    public async Task A_rate_limit_delay_is_taken_up_to_a_day(string seconds, double? expected)
    {
        var ex = (KernelRateLimitException)await CreateFailing((HttpStatusCode)429, Samples.ErrorJson("rate_limited", "slow down"), "application/json", ("Retry-After", seconds));
        Assert.That(ex.RetryAfter, Is.EqualTo(expected is double s ? TimeSpan.FromSeconds(s) : (TimeSpan?)null));
    }
}
