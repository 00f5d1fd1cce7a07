using System.Net;
using OnKernel.ApiKeys.Tests.Infrastructure;
using RichardSzalay.MockHttp;

namespace OnKernel.ApiKeys.Tests.Protocol;

/// <summary>The headers and URL every facade request carries.</summary>
public class RequestHeadersTests
{
    [Test]
    public async Task Create_sends_bearer_accept_user_agent_and_project_headers()
    {
        var kernel = new MockKernel(o => { o.ProjectId = "proj_42"; o.BaseUrl = new Uri("https://proxy.example/kernel"); });
        kernel.Handler.Expect(HttpMethod.Post, "https://proxy.example/kernel/org/api_keys")
            .Respond(HttpStatusCode.Created, "application/json", Samples.CreatedKeyJson);

        var key = await kernel.ApiKeys.CreateAsync("staging", daysToExpire: 30, projectId: null, CancellationToken.None);

        kernel.Handler.VerifyNoOutstandingExpectation();
        var seen = kernel.Recorder.Requests.Single();
        Assert.Multiple(() =>
        {
            Assert.That(seen.Headers.Authorization?.ToString(), Is.EqualTo("Bearer " + Samples.CallerApiKey));
            Assert.That(seen.Headers.GetValues("Accept"), Is.EqualTo(new[] { "application/json" }));
            Assert.That(string.Join(" ", seen.Headers.GetValues("User-Agent")), Is.EqualTo("Kernel/CSharp 0.1.0"));
            Assert.That(seen.Headers.GetValues("X-Kernel-Project-Id"), Is.EqualTo(new[] { "proj_42" }));
            Assert.That(seen.ContentType!.MediaType, Is.EqualTo("application/json"));
        });
        Json.AssertEquivalent("""{"name":"staging","days_to_expire":30}""", seen.Body);
        Assert.That(key.Key, Is.EqualTo(Samples.PlaintextKey));
    }

    [Test]
    public async Task No_project_header_without_a_project()
    {
        var kernel = new MockKernel();
        kernel.OnCreate().Respond(HttpStatusCode.Created, "application/json", Samples.CreatedKeyJson);

        await kernel.ApiKeys.CreateAsync(new CreateApiKeyRequest { Name = "ci", ProjectId = "proj_body" });

        Assert.That(kernel.Recorder.Requests.Single().Headers.Contains("X-Kernel-Project-Id"), Is.False);
    }

    [Test]
    public async Task A_caller_owned_HttpClient_is_neither_modified_nor_disposed()
    {
        var kernel = new MockKernel();
        kernel.OnCreate().Respond(HttpStatusCode.Created, "application/json", Samples.CreatedKeyJson);

        await kernel.ApiKeys.CreateAsync("ci");
        kernel.Client.Dispose();

        Assert.That(kernel.Http.DefaultRequestHeaders, Is.Empty);
        Assert.That(kernel.Http.BaseAddress, Is.Null);
        // Still usable: not disposed.
        Assert.DoesNotThrowAsync(() => kernel.Http.PostAsync(MockKernel.BaseUrl + "org/api_keys", new StringContent("{}")));
    }

    private static IEnumerable<TestCaseData> EveryOperation()
    {
        yield return new TestCaseData((Func<ApiKeysService, Task>)(s => s.CreateAsync("n")), Samples.CreatedKeyJson).SetArgDisplayNames("create");
        yield return new TestCaseData((Func<ApiKeysService, Task>)(s => s.ListPageAsync()), ListSamples.Page("a")).SetArgDisplayNames("list");
        yield return new TestCaseData((Func<ApiKeysService, Task>)(s => s.GetAsync("a")), ListSamples.Key("a")).SetArgDisplayNames("get");
        yield return new TestCaseData((Func<ApiKeysService, Task>)(s => s.UpdateAsync("a", "n")), ListSamples.Key("a")).SetArgDisplayNames("update");
        yield return new TestCaseData((Func<ApiKeysService, Task>)(s => s.DeleteAsync("a")), "").SetArgDisplayNames("delete");
        yield return new TestCaseData((Func<ApiKeysService, Task>)(s => s.RotateAsync("a")), Samples.CreatedKeyJson).SetArgDisplayNames("rotate");
    }

    [TestCaseSource(nameof(EveryOperation))]
    public async Task Every_operation_sends_the_standard_headers(Func<ApiKeysService, Task> call, string responseBody)
    {
        var kernel = new MockKernel(o => o.ProjectId = "proj_9");
        HttpRequestMessage? seen = null;
        kernel.Handler.When("*").With(r => { seen = r; return true; })
            .Respond(_ => new HttpResponseMessage(responseBody.Length == 0 ? HttpStatusCode.NoContent : HttpStatusCode.OK) { Content = new StringContent(responseBody, System.Text.Encoding.UTF8, "application/json") });

        await call(kernel.ApiKeys);

        Assert.Multiple(() =>
        {
            Assert.That(seen!.Headers.Authorization!.ToString(), Is.EqualTo("Bearer " + Samples.CallerApiKey));
            Assert.That(seen.Headers.Accept.Select(a => a.MediaType), Is.EqualTo(new[] { "application/json" }));
            Assert.That(string.Join(" ", seen.Headers.GetValues("User-Agent")), Is.EqualTo("Kernel/CSharp 0.1.0"));
            Assert.That(seen.Headers.GetValues("X-Kernel-Project-Id"), Is.EqualTo(new[] { "proj_9" }));
        });
    }
}
