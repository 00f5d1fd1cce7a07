using System.Net;
using System.Net.Http.Headers;
using System.Reflection;
using OnKernel.ApiKeys.Tests.Infrastructure;

namespace OnKernel.ApiKeys.Tests.Protocol;

/// <summary>
/// The view the generated client hands on instead of copying every response's headers: the
/// same dictionary the copy was, made only when read, and never a way back to the request.
/// </summary>
public class ResponseHeaderViewTests
{
    private static HttpResponseMessage Response()
    {
        var content = new StringContent("{}");
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        content.Headers.TryAddWithoutValidation("X-Shared", "from-content");
        var response = new HttpResponseMessage(HttpStatusCode.OK) { Content = content };
        response.Headers.TryAddWithoutValidation("X-Request-Id", "req_1");
        response.Headers.TryAddWithoutValidation("X-Has-More", new[] { "true", "false" });
        response.Headers.TryAddWithoutValidation("x-shared", "from-response");
        return response;
    }

    [Test]
    public void Reads_as_the_copy_NSwag_made_response_headers_then_content_headers_names_as_written()
    {
        var view = new ResponseHeaderView(Response());

        Assert.Multiple(() =>
        {
            // Names as HttpHeaders gives them (a known header in its own spelling), case-sensitive keys.
            Assert.That(view.Keys, Is.EquivalentTo(new[] { "X-Request-ID", "X-Has-More", "x-shared", "Content-Type", "X-Shared" }));
            Assert.That(view.Count, Is.EqualTo(5));
            Assert.That(view["X-Has-More"], Is.EqualTo(new[] { "true", "false" }));
            Assert.That(view["x-shared"], Is.EqualTo(new[] { "from-response" }));
            Assert.That(view["X-Shared"], Is.EqualTo(new[] { "from-content" }));
            Assert.That(view["Content-Type"], Is.EqualTo(new[] { "application/json" }));
            Assert.That(view.ContainsKey("x-request-id"), Is.False, "names are compared as written, as in the copy");
            Assert.That(view.TryGetValue("X-Request-ID", out var id) ? id : null, Is.EqualTo(new[] { "req_1" }));
            Assert.That(view.ToDictionary(p => p.Key, p => p.Value.ToArray()), Has.Count.EqualTo(5));
        });
    }

    [Test]
    public void First_ignores_case_prefers_the_content_header_and_makes_no_copy()
    {
        var view = new ResponseHeaderView(Response());

        Assert.Multiple(() =>
        {
            Assert.That(view.First("x-request-ID"), Is.EqualTo("req_1"));
            Assert.That(view.First("X-HAS-MORE"), Is.EqualTo("true"));
            Assert.That(view.First("X-Shared"), Is.EqualTo("from-content"));
            Assert.That(view.First("content-type"), Is.EqualTo("application/json"));
            Assert.That(view.First("X-Next-Offset"), Is.Null);
            Assert.That(view.First("not a header name"), Is.Null);
            Assert.That(CopyOf(view), Is.Null, "a header read by name leaves the copy unmade");
        });
        _ = view.Count;
        Assert.That(CopyOf(view), Is.Not.Null);
    }

    [Test]
    public void A_view_holds_the_header_collections_not_the_response_and_its_request()
    {
        var fields = typeof(ResponseHeaderView).GetFields(BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public);

        Assert.That(fields.Select(f => f.FieldType), Has.None.AssignableTo<HttpResponseMessage>().And.None.AssignableTo<HttpRequestMessage>().And.None.AssignableTo<HttpContent>());
    }

    [Test]
    public async Task A_facade_response_reads_its_headers_from_the_view_redacted()
    {
        var kernel = new MockKernel();
        kernel.OnCreate().Respond(_ =>
        {
            var answer = new HttpResponseMessage(HttpStatusCode.Created) { Content = new StringContent(Samples.CreatedKeyJson, System.Text.Encoding.UTF8, "application/json") };
            answer.Headers.TryAddWithoutValidation("X-Echo", "token " + Samples.CallerApiKey);
            return Task.FromResult(answer);
        });

        var response = await kernel.ApiKeys.CreateWithResponseAsync(new CreateApiKeyRequest { Name = "ci" });

        Assert.Multiple(() =>
        {
            Assert.That(response.Headers.GetFirst("x-echo"), Is.EqualTo("token [REDACTED]"));
            Assert.That(response.Headers["X-Echo"], Is.EqualTo(new[] { "token [REDACTED]" }));
            Assert.That(response.Headers.GetFirst("Content-Type"), Does.StartWith("application/json"));
        });
    }

    private static object? CopyOf(ResponseHeaderView view) =>
        typeof(ResponseHeaderView).GetField("_copy", BindingFlags.Instance | BindingFlags.NonPublic)!.GetValue(view);
}
