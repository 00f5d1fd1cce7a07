using System.Net;
using OnKernel.ApiKeys.Tests.Infrastructure;
using RichardSzalay.MockHttp;

namespace OnKernel.ApiKeys.Tests.Models;

/// <summary>The ...WithResponseAsync variant: status, headers and rate-limit headers next to the value.</summary>
public class ResponseMetadataTests
{
    [Test]
    public async Task CreateWithResponseAsync_exposes_status_headers_and_rate_limits()
    {
        var kernel = new MockKernel();
        kernel.OnCreate().Respond(_ =>
        {
            var response = new HttpResponseMessage(HttpStatusCode.Created) { Content = new StringContent(Samples.CreatedKeyJson, System.Text.Encoding.UTF8, "application/json") };
            response.Headers.Add("X-RateLimit-Limit", "100");
            response.Headers.Add("X-RateLimit-Remaining", "97");
            response.Headers.Add("X-Request-Id", "req_abc");
            return response;
        });

        var response = await kernel.ApiKeys.CreateWithResponseAsync(new CreateApiKeyRequest { Name = "ci" });

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(201));
            Assert.That(response.RateLimitLimit, Is.EqualTo(100));
            Assert.That(response.RateLimitRemaining, Is.EqualTo(97));
            Assert.That(response.Headers.GetFirst("x-request-id"), Is.EqualTo("req_abc"));
            Assert.That(response.Headers["Content-Type"].Single(), Does.StartWith("application/json"));
            Assert.That(response.Attempts, Is.EqualTo(1));
            Assert.That(response.Value.Id, Is.EqualTo("ckv9w8q2f000001l5r3j7k9m4"));
        });
        SecretWatch.AssertClean(response.ToString(), "KernelResponse.ToString()");
    }

    [Test]
    public async Task Rate_limit_values_are_null_when_absent_or_garbage()
    {
        var kernel = new MockKernel();
        kernel.OnCreate().Respond(_ =>
        {
            var response = new HttpResponseMessage(HttpStatusCode.Created) { Content = new StringContent(Samples.CreatedKeyJson, System.Text.Encoding.UTF8, "application/json") };
            response.Headers.TryAddWithoutValidation("X-RateLimit-Limit", "lots");
            return response;
        });

        var response = await kernel.ApiKeys.CreateWithResponseAsync(new CreateApiKeyRequest { Name = "ci" });
        Assert.That(response.RateLimitLimit, Is.Null);
        Assert.That(response.RateLimitRemaining, Is.Null);
    }
}
