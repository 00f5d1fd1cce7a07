using System.Net;
using OnKernel.ApiKeys.Tests.Infrastructure;

namespace OnKernel.ApiKeys.Tests.Pipeline;

/// <summary>
/// RedirectGuard's rules one by one, on the attempt and response the transport hooks see:
/// which statuses are redirects, where a relative Location points, and what the messages say.
/// </summary>
public class RedirectGuardRulesTests
{
    private static readonly Uri SentTo = new("https://api.test/org/api_keys");

    private static readonly KernelOperation Get = new("GET", "org/api_keys/{id}", "ApiKey");

    private static readonly KernelOperation Create = new("POST", "org/api_keys", "ApiKey", createsKey: true, requestedName: "deploy-bot");

    private const string Advice = " Turn off AllowAutoRedirect on that HttpClient's handler, and set BaseUrl to the address that should receive the requests.";

    private static AttemptContext Sent(KernelOperation operation, Uri? to = null)
    {
        var attempt = new AttemptContext(operation, 1, CancellationToken.None, new SecretRedactor(Samples.CallerApiKey));
        attempt.OnSending(new HttpRequestMessage(HttpMethod.Get, to ?? SentTo));
        return attempt;
    }

    private static HttpResponseMessage Answer(int status, Uri? answeredFrom = null, string? location = null)
    {
        var response = new HttpResponseMessage((HttpStatusCode)status) { RequestMessage = new HttpRequestMessage(HttpMethod.Get, answeredFrom ?? SentTo) };
        if (location is not null)
        {
            response.Headers.TryAddWithoutValidation("Location", location);
        }

        return response;
    }

    private static KernelRedirectException Refused(AttemptContext attempt, HttpResponseMessage response)
    {
        var thrown = Assert.Throws<AttemptFailedException>(() => RedirectGuard.ThrowIfRedirected(attempt, response))!;
        Assert.That(thrown.IsFinal, Is.True, "a redirect is never retried");
        return (KernelRedirectException)thrown.Failure;
    }

    [TestCase(300, true)]
    [TestCase(301, true)]
    [TestCase(399, true)]
    [TestCase(200, false)]
    [TestCase(299, false)]
    [TestCase(400, false)]
    [TestCase(404, false)]
    public void Only_3xx_statuses_from_the_address_sent_to_are_redirects(int status, bool redirect)
    {
        var response = Answer(status, location: "https://elsewhere.example/x");

        if (redirect)
        {
            var error = Refused(Sent(Get), response);
            Assert.That(error.StatusCode, Is.EqualTo(status));
            Assert.That(error.Message, Is.EqualTo(
                $"GET org/api_keys/{{id}} was answered {status} redirecting to elsewhere.example. Redirects are not followed (they would carry the API key elsewhere); " +
                "set BaseUrl to the address that should receive the requests."));
        }
        else
        {
            Assert.DoesNotThrow(() => RedirectGuard.ThrowIfRedirected(Sent(Get), response));
        }
    }

    [Test]
    public void A_relative_Location_is_resolved_against_the_address_the_request_was_sent_to()
    {
        var error = Refused(Sent(Get), Answer(302, location: "/v2/org/api_keys?page=2"));

        Assert.That(error.Location, Is.EqualTo(new Uri("https://api.test/v2/org/api_keys?page=2")));
        Assert.That(error.Location!.IsAbsoluteUri, Is.True);
        Assert.That(error.Message, Does.StartWith("GET org/api_keys/{id} was answered 302 redirecting to api.test."));
    }

    [Test]
    public void An_absolute_Location_is_kept_as_it_is()
    {
        var error = Refused(Sent(Get), Answer(307, location: "http://other.example:8080/login"));

        Assert.That(error.Location, Is.EqualTo(new Uri("http://other.example:8080/login")));
        Assert.That(error.Message, Does.StartWith("GET org/api_keys/{id} was answered 307 redirecting to other.example:8080."));
    }

    [Test]
    public void A_3xx_without_a_Location_says_it_points_nowhere()
    {
        var error = Refused(Sent(Get), Answer(303));

        Assert.That(error.Location, Is.Null);
        Assert.That(error.Message, Is.EqualTo(
            "GET org/api_keys/{id} was answered 303 redirecting to nowhere (no Location header). Redirects are not followed (they would carry the API key elsewhere); " +
            "set BaseUrl to the address that should receive the requests."));
    }

    [Test]
    public void An_answer_from_another_address_names_it_and_for_a_read_says_nothing_about_keys()
    {
        var error = Refused(Sent(Get), Answer(200, answeredFrom: new Uri("https://mirror.example/org/api_keys")));

        Assert.That(error.StatusCode, Is.EqualTo(200));
        Assert.That(error.Location, Is.EqualTo(new Uri("https://mirror.example/org/api_keys")));
        Assert.That(error.Message, Is.EqualTo(
            "GET org/api_keys/{id} was redirected to mirror.example by the HttpClient's own handler, which answered 200 from there; that answer was discarded." + Advice));
    }

    [Test]
    public void An_answer_from_another_address_to_a_create_warns_that_a_key_may_exist_there()
    {
        var error = Refused(Sent(Create), Answer(201, answeredFrom: new Uri("https://mirror.example/org/api_keys")));

        Assert.That(error.Message, Is.EqualTo(
            "POST org/api_keys was redirected to mirror.example by the HttpClient's own handler, which answered 201 from there; that answer was discarded." +
            " A key may have been created there: check the existing keys before trying again." + Advice));
    }

    [Test]
    public void Without_the_address_of_either_side_there_is_nothing_to_compare()
    {
        // No RequestMessage on the response (a caller's handler may build one without it).
        var noAnswerAddress = new HttpResponseMessage(HttpStatusCode.OK);
        Assert.DoesNotThrow(() => RedirectGuard.ThrowIfRedirected(Sent(Get), noAnswerAddress));

        // Nothing recorded as sent.
        var notSent = new AttemptContext(Get, 1, CancellationToken.None, new SecretRedactor(Samples.CallerApiKey));
        Assert.DoesNotThrow(() => RedirectGuard.ThrowIfRedirected(notSent, Answer(200, answeredFrom: new Uri("https://mirror.example/x"))));
    }
}
