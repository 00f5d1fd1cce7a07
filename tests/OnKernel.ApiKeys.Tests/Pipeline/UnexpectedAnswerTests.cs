using System.Net;
using OnKernel.ApiKeys.Tests.Infrastructure;
using RichardSzalay.MockHttp;

namespace OnKernel.ApiKeys.Tests.Pipeline;

/// <summary>
/// Answers the spec does not list: any other 2xx is still a success, read by the facade
/// itself (and still checked); a 404 is "already done" only for a delete that an earlier
/// attempt may have carried out.
/// </summary>
public class UnexpectedAnswerTests
{
    private const string KeyUrl = MockKernel.BaseUrl + "org/api_keys/k1";

    private static Func<HttpRequestMessage, HttpResponseMessage> InTurn(params (int Status, string Body)[] answers)
    {
        var next = 0;
        return _ =>
        {
            var (status, body) = answers[Math.Min(next++, answers.Length - 1)];
            return new HttpResponseMessage((HttpStatusCode)status) { Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json") };
        };
    }

    [TestCase(203)]
    [TestCase(299)]
    public async Task Any_2xx_with_the_promised_body_is_a_success(int status)
    {
        var kernel = new MockKernel();
        kernel.Handler.When(HttpMethod.Get, KeyUrl).Respond(InTurn((status, ListSamples.Key("k1"))));
        using var client = kernel.Client;

        var response = await kernel.ApiKeys.GetWithResponseAsync("k1");

        Assert.That((response.StatusCode, response.Value.Id, response.Attempts), Is.EqualTo((status, "k1", 1)));
    }

    [Test]
    public void An_unexpected_2xx_whose_body_is_JSON_null_is_an_invalid_response()
    {
        var kernel = new MockKernel();
        kernel.Handler.When(HttpMethod.Get, KeyUrl).Respond(InTurn((203, "null")));
        using var client = kernel.Client;

        var error = Assert.ThrowsAsync<KernelInvalidResponseException>(() => kernel.ApiKeys.GetAsync("k1"))!;

        Assert.That(error.StatusCode, Is.EqualTo(203));
        Assert.That(error.Message, Is.EqualTo("GET org/api_keys/{id} answered 203, but the body is not the ApiKey the API promises: the body was null."));
    }

    [Test]
    public void An_unexpected_2xx_to_a_create_is_still_checked_for_the_plaintext_key()
    {
        var kernel = new MockKernel();
        kernel.OnCreate().Respond(InTurn((200, Samples.CreatedKeyJson.Replace(Samples.PlaintextKey, ""))));
        using var client = kernel.Client;

        var error = Assert.ThrowsAsync<KernelInvalidResponseException>(() => kernel.ApiKeys.CreateAsync("deploy-bot"))!;

        Assert.That(error.StatusCode, Is.EqualTo(200));
        Assert.That(error.Message, Is.EqualTo("POST org/api_keys answered 200, but the body is not the CreatedApiKey the API promises: the plaintext key ('key') is empty."));
        Assert.That(kernel.Recorder.Requests, Has.Count.EqualTo(1), "the server acted: never replayed");
    }

    [Test]
    public void A_404_after_a_500_is_not_found_for_a_read()
    {
        var kernel = new MockKernel(o => o.MaxRetries = 1);
        kernel.Handler.When(HttpMethod.Get, KeyUrl).Respond(InTurn((500, Samples.ErrorJson("internal", "boom")), (404, Samples.ErrorJson("not_found", "no such key"))));
        using var client = kernel.Client;

        var error = Assert.ThrowsAsync<KernelNotFoundException>(() => kernel.ApiKeys.GetAsync("k1"))!;

        Assert.That(error.Attempts, Is.EqualTo(2));
    }

    [Test]
    public void Only_a_404_means_a_retried_delete_was_already_done()
    {
        var kernel = new MockKernel(o => o.MaxRetries = 1);
        kernel.Handler.When(HttpMethod.Delete, KeyUrl).Respond(InTurn((500, Samples.ErrorJson("internal", "boom")), (400, Samples.ErrorJson("bad_request", "no"))));
        using var client = kernel.Client;

        var error = Assert.CatchAsync<KernelApiException>(() => kernel.ApiKeys.DeleteAsync("k1"))!;

        Assert.That((error.StatusCode, error.Attempts), Is.EqualTo((400, 2)));
    }

    [TestCase(1)]
    [TestCase(2)]
    public async Task A_404_to_a_retried_delete_after_500s_means_an_earlier_attempt_deleted_it(int failures)
    {
        var kernel = new MockKernel(o => o.MaxRetries = failures);
        var answers = Enumerable.Repeat((500, Samples.ErrorJson("internal", "boom")), failures).Append((404, Samples.ErrorJson("not_found", "no such key"))).ToArray();
        kernel.Handler.When(HttpMethod.Delete, KeyUrl).Respond(InTurn(answers));
        using var client = kernel.Client;

        await kernel.ApiKeys.DeleteAsync("k1");

        Assert.That(kernel.Recorder.Requests, Has.Count.EqualTo(failures + 1));
    }
}
