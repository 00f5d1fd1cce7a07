using System.Net;
using OnKernel.ApiKeys.Tests.Infrastructure;
using RichardSzalay.MockHttp;

namespace OnKernel.ApiKeys.Tests.ApiKeys;

/// <summary>Get, update, delete and rotate: exact requests, parsed responses, validation before sending.</summary>
public class KeyOperationsTests
{
    private const string Base = MockKernel.BaseUrl + "org/api_keys/";

    private static (MockKernel Kernel, RequestRecorder Sent) Answering(HttpStatusCode status, string body)
    {
        var kernel = new MockKernel();
        kernel.Handler.When("*").Respond(_ => new HttpResponseMessage(status) { Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json") });
        return (kernel, kernel.Recorder);
    }

    [Test]
    public async Task Get_sends_GET_with_the_escaped_id_and_parses_the_key()
    {
        var (kernel, sent) = Answering(HttpStatusCode.OK, ListSamples.Key("key 1/x", "prod"));

        var key = await kernel.ApiKeys.GetAsync("key 1/x");

        Assert.That(sent.Requests.Single().Method, Is.EqualTo(HttpMethod.Get));
        Assert.That(sent.Requests.Single().Url, Is.EqualTo(Base + "key%201%2Fx"));
        Assert.That(sent.Requests.Single().Headers.Authorization!.ToString(), Is.EqualTo("Bearer " + Samples.CallerApiKey));
        Assert.That((key.Id, key.Name, key.MaskedKey), Is.EqualTo(("key 1/x", "prod", "sk_live_...key 1/x")));
    }

    [Test]
    public async Task Get_with_includeDeleted_sends_the_flag_only_when_true()
    {
        var (kernel, sent) = Answering(HttpStatusCode.OK, ListSamples.Key("k1"));
        await kernel.ApiKeys.GetAsync("k1", includeDeleted: true);
        await kernel.ApiKeys.GetAsync("k1");
        Assert.That(sent.Requests.Select(s => s.Url), Is.EqualTo(new[] { Base + "k1?include_deleted=true", Base + "k1" }));
    }

    [Test]
    public async Task Update_sends_PATCH_with_the_new_name()
    {
        var (kernel, sent) = Answering(HttpStatusCode.OK, ListSamples.Key("k1", "renamed"));

        var response = await kernel.ApiKeys.UpdateWithResponseAsync("k1", "renamed");

        Assert.That(sent.Requests.Single().Method, Is.EqualTo(HttpMethod.Patch));
        Assert.That(sent.Requests.Single().Url, Is.EqualTo(Base + "k1"));
        Json.AssertEquivalent("""{"name":"renamed"}""", sent.Requests.Single().Body);
        Assert.That((response.StatusCode, response.Value.Name), Is.EqualTo((200, "renamed")));
    }

    [TestCase(0)]
    [TestCase(256)]
    public void Update_refuses_names_outside_1_to_255(int length)
    {
        var (kernel, sent) = Answering(HttpStatusCode.OK, ListSamples.Key("k1"));
        var ex = Assert.ThrowsAsync<ArgumentException>(() => kernel.ApiKeys.UpdateAsync("k1", new string('n', length)))!;
        Assert.That(ex.ParamName, Is.EqualTo("name"));
        Assert.That(ex.Message, Does.StartWith($"name must be 1-255 characters long; it has {length}."));
        Assert.ThrowsAsync<ArgumentNullException>(() => kernel.ApiKeys.UpdateAsync("k1", null!));
        Assert.That(sent, Is.Empty);
    }

    [Test]
    public async Task Delete_sends_DELETE_and_accepts_204()
    {
        var (kernel, sent) = Answering(HttpStatusCode.NoContent, "");

        var response = await kernel.ApiKeys.DeleteWithResponseAsync("k1");

        Assert.That((sent.Requests.Single().Method, sent.Requests.Single().Url, sent.Requests.Single().Body), Is.EqualTo((HttpMethod.Delete, Base + "k1", (string?)null)));
        Assert.That(sent.Requests.Single().Headers.Accept.Select(a => a.MediaType), Is.EqualTo(new[] { "application/json" }));
        Assert.That(string.Join(" ", sent.Requests.Single().Headers.GetValues("User-Agent")), Is.EqualTo("Kernel/CSharp 0.1.0"));
        Assert.That(sent.Requests.Single().Headers.Authorization!.ToString(), Is.EqualTo("Bearer " + Samples.CallerApiKey));
        Assert.That(response.StatusCode, Is.EqualTo(204));
    }

    [Test]
    public async Task Delete_accepts_a_200_too()
    {
        var (kernel, _) = Answering(HttpStatusCode.OK, "{}");
        var response = await kernel.ApiKeys.DeleteWithResponseAsync("k1");
        Assert.That(response.StatusCode, Is.EqualTo(200));
    }

    [Test]
    public void Deleting_the_current_key_is_surfaced_plainly()
    {
        var (kernel, _) = Answering(HttpStatusCode.BadRequest, """{"code":"cannot_delete_current_key","message":"cannot delete the API key used for this request"}""");

        var ex = Assert.ThrowsAsync<KernelBadRequestException>(() => kernel.ApiKeys.DeleteAsync("k1"))!;

        Assert.That(ex.ErrorCode, Is.EqualTo(KernelErrorCodes.CannotDeleteCurrentKey));
        Assert.That(ex.Message, Is.EqualTo("400 cannot_delete_current_key: cannot delete the API key used for this request (an API key cannot delete itself: authenticate with another key to delete this one)"));
        Assert.That(ex.Attempts, Is.EqualTo(1));
    }

    [Test]
    public async Task Rotate_sends_POST_to_rotate_with_both_periods_and_returns_the_new_plaintext()
    {
        var (kernel, sent) = Answering(HttpStatusCode.Created, Samples.CreatedKeyJson);

        var created = await kernel.ApiKeys.RotateAsync("k1", daysToExpire: 90, expireInDays: 7);

        Assert.That((sent.Requests.Single().Method, sent.Requests.Single().Url), Is.EqualTo((HttpMethod.Post, Base + "k1/rotate")));
        Json.AssertEquivalent("""{"days_to_expire":90,"expire_in_days":7}""", sent.Requests.Single().Body);
        Assert.That(created.Key, Is.EqualTo(Samples.PlaintextKey));
        SecretWatch.AssertClean(created.ToString(), "rotated key ToString()");
    }

    [Test]
    public async Task Rotate_without_periods_sends_an_empty_object()
    {
        var (kernel, sent) = Answering(HttpStatusCode.Created, Samples.CreatedKeyJson);
        await kernel.ApiKeys.RotateAsync("k1");
        Json.AssertEquivalent("{}", sent.Requests.Single().Body);
    }

    [Test]
    public async Task Rotate_accepts_the_bounds_and_an_equal_pair()
    {
        var (kernel, sent) = Answering(HttpStatusCode.Created, Samples.CreatedKeyJson);
        await kernel.ApiKeys.RotateAsync("k1", daysToExpire: 1, expireInDays: 0);
        await kernel.ApiKeys.RotateAsync("k1", daysToExpire: 3650, expireInDays: 3650);
        await kernel.ApiKeys.RotateAsync("k1", expireInDays: 0);
        Assert.That(sent, Has.Count.EqualTo(3));
    }

    [TestCase(0, null, "daysToExpire", "days_to_expire must be 1-3650 days, or null to keep the rotated key's lifetime.")]
    [TestCase(3651, null, "daysToExpire", "days_to_expire must be 1-3650 days, or null to keep the rotated key's lifetime.")]
    [TestCase(null, -1, "expireInDays", "expire_in_days must be 0-3650 days, or null for Kernel's default grace period.")]
    [TestCase(null, 3651, "expireInDays", "expire_in_days must be 0-3650 days, or null for Kernel's default grace period.")]
    public void Rotate_refuses_periods_outside_the_spec(int? days, int? grace, string param, string message)
    {
        var (kernel, sent) = Answering(HttpStatusCode.Created, Samples.CreatedKeyJson);
        var ex = Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => kernel.ApiKeys.RotateAsync("k1", days, grace))!;
        Assert.That(ex.ParamName, Is.EqualTo(param));
        Assert.That(ex.Message, Does.StartWith(message));
        Assert.That(ex.Message, Does.EndWith($"Actual value was {days ?? grace}.").And.Not.Contain("got "), "the value once, as ArgumentOutOfRangeException prints it");
        Assert.That(sent, Is.Empty);
    }

    [Test]
    public void Rotate_refuses_a_new_key_shorter_lived_than_the_grace_period()
    {
        var (kernel, sent) = Answering(HttpStatusCode.Created, Samples.CreatedKeyJson);
        var ex = Assert.ThrowsAsync<ArgumentException>(() => kernel.ApiKeys.RotateAsync("k1", daysToExpire: 5, expireInDays: 7))!;
        Assert.That(ex.ParamName, Is.EqualTo("daysToExpire"));
        Assert.That(ex.Message, Does.StartWith("days_to_expire (5) is shorter than expire_in_days (7)"));
        Assert.That(sent, Is.Empty);
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase("  ")]
    [TestCase("..")]
    [TestCase(".")]
    public void Every_operation_refuses_a_bad_id_before_sending(string? id)
    {
        var (kernel, sent) = Answering(HttpStatusCode.OK, ListSamples.Key("k1"));
        var calls = new Func<Task>[]
        {
            () => kernel.ApiKeys.GetAsync(id!),
            () => kernel.ApiKeys.UpdateAsync(id!, "name"),
            () => kernel.ApiKeys.DeleteAsync(id!),
            () => kernel.ApiKeys.RotateAsync(id!),
        };
        foreach (var call in calls)
        {
            var ex = Assert.CatchAsync<ArgumentException>(() => call())!;
            Assert.That(ex.ParamName, Is.EqualTo("id"));
        }

        Assert.That(sent, Is.Empty);
    }

    [TestCase(404, typeof(KernelNotFoundException))]
    [TestCase(403, typeof(KernelPermissionDeniedException))]
    [TestCase(401, typeof(KernelAuthenticationException))]
    public void Errors_map_for_every_operation(int status, Type expected)
    {
        var (kernel, _) = Answering((HttpStatusCode)status, Samples.ErrorJson("some_code", "nope"));
        foreach (var call in new Func<Task>[]
        {
            () => kernel.ApiKeys.GetAsync("k1"),
            () => kernel.ApiKeys.UpdateAsync("k1", "n"),
            () => kernel.ApiKeys.DeleteAsync("k1"),
            () => kernel.ApiKeys.RotateAsync("k1"),
            () => kernel.ApiKeys.ListPageAsync(),
        })
        {
            var ex = Assert.CatchAsync<KernelApiException>(() => call())!;
            Assert.That(ex, Is.TypeOf(expected));
            Assert.That(ex.ErrorCode, Is.EqualTo("some_code"));
        }
    }
}
