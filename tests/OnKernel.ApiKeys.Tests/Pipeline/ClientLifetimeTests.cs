using System.Net;
using OnKernel.ApiKeys.Tests.Infrastructure;
using RichardSzalay.MockHttp;

namespace OnKernel.ApiKeys.Tests.Pipeline;

/// <summary>
/// What a disposed client and an already-cancelled call say, exactly: a call after Dispose is
/// refused before any attempt, a call in its back-off when Dispose comes is abandoned (and says
/// so), and a call whose token is already cancelled starts no attempt.
/// </summary>
public class ClientLifetimeTests
{
    private const string KeyUrl = MockKernel.BaseUrl + "org/api_keys/k1";

    [Test]
    public void A_call_after_Dispose_is_refused_before_any_attempt_and_says_to_create_a_new_client()
    {
        var kernel = new MockKernel();
        kernel.Handler.When(HttpMethod.Get, KeyUrl).Respond(HttpStatusCode.OK, "application/json", ListSamples.Key("k1"));
        kernel.Client.Dispose();

        var error = Assert.ThrowsAsync<ObjectDisposedException>(() => kernel.ApiKeys.GetAsync("k1"))!;

        Assert.That(error.ObjectName, Is.EqualTo(nameof(KernelClient)));
        Assert.That(error.Message, Does.StartWith("The KernelClient was disposed; create a new one to send requests."));
        Assert.That(kernel.Recorder.Requests, Is.Empty);
        Assert.That(kernel.Logs.Lines, Is.Empty, "no attempt started");
    }

    [Test]
    public async Task Dispose_during_a_back_off_abandons_the_call_in_flight_and_says_so()
    {
        var kernel = new MockKernel(o => o.MaxRetries = 1);
        kernel.Handler.When(HttpMethod.Get, KeyUrl).Respond(_ =>
        {
            var busy = new HttpResponseMessage((HttpStatusCode)429) { Content = new StringContent(Samples.ErrorJson("rate_limited", "wait")) };
            busy.Headers.TryAddWithoutValidation("Retry-After", "30");
            return busy;
        });

        var call = kernel.ApiKeys.GetAsync("k1");
        await WaitUntil(() => kernel.Logs.Lines.Any(l => l.Message.Contains("retrying in 30000 ms")));
        kernel.Client.Dispose();

        var error = Assert.ThrowsAsync<ObjectDisposedException>(() => call)!;
        Assert.That(error.Message, Does.StartWith(
            "The KernelClient was disposed while GET org/api_keys/{id} was in flight; the call was abandoned (a create or rotate may still have taken effect)."));
        Assert.That(kernel.Recorder.Requests, Has.Count.EqualTo(1));
    }

    [Test]
    public void A_call_whose_token_is_already_cancelled_starts_no_attempt()
    {
        var kernel = new MockKernel();
        kernel.Handler.When(HttpMethod.Get, KeyUrl).Respond(HttpStatusCode.OK, "application/json", ListSamples.Key("k1"));
        using var client = kernel.Client;
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        var error = Assert.CatchAsync<OperationCanceledException>(() => kernel.ApiKeys.GetAsync("k1", cancellationToken: cancelled.Token))!;

        Assert.That(error.CancellationToken, Is.EqualTo(cancelled.Token));
        Assert.That(kernel.Recorder.Requests, Is.Empty);
        Assert.That(kernel.Logs.Lines, Is.Empty, "no attempt started");
    }

    [Test]
    public void A_client_describes_itself_by_its_address_only()
    {
        using var client = new KernelClient(new HttpClient(), new KernelClientOptions { ApiKey = Samples.CallerApiKey, BaseUrl = new Uri("https://kernel.example/v1") });

        Assert.That(client.ToString(), Is.EqualTo("KernelClient { BaseUrl = https://kernel.example/v1/ }"));
    }

    [Test]
    public void Options_are_required()
    {
        var error = Assert.Throws<ArgumentNullException>(() => new KernelClient(new HttpClient(), null!))!;

        Assert.That(error.ParamName, Is.EqualTo("options"));
    }

    private static async Task WaitUntil(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!condition())
        {
            Assert.That(DateTime.UtcNow, Is.LessThan(deadline), "the call never reached its back-off");
            await Task.Delay(10);
        }
    }
}
