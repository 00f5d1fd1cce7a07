using System.Diagnostics;
using System.Reflection;
using OnKernel.ApiKeys.Tests.Infrastructure;

namespace OnKernel.ApiKeys.Tests.Models;

/// <summary>
/// What ToString() and the debugger show of each public value, exactly: logs and test
/// failures print these, so a changed or missing part is a visible change, and none of them
/// may show a secret.
/// </summary>
public class DisplayTextTests
{
    private static readonly DateTimeOffset Expiry = new(2027, 1, 2, 3, 4, 5, TimeSpan.Zero);

    [Test]
    public void A_key_shows_id_name_masked_key_project_and_expiry()
    {
        var scoped = ApiKeysModelFactory.ApiKey("k1", "ci", "sk_...abcd", expiresAt: Expiry, projectId: "proj_1");
        var orgWide = ApiKeysModelFactory.ApiKey("k2", "ops", "sk_...efgh");

        Assert.Multiple(() =>
        {
            Assert.That(scoped.ToString(), Is.EqualTo("ApiKey { Id = k1, Name = ci, MaskedKey = sk_...abcd, ProjectId = proj_1, ExpiresAt = 2027-01-02T03:04:05.0000000+00:00 }"));
            Assert.That(orgWide.ToString(), Is.EqualTo("ApiKey { Id = k2, Name = ops, MaskedKey = sk_...efgh, ProjectId = (org-wide), ExpiresAt = (never) }"));
        });
    }

    [Test]
    public void A_created_key_shows_what_a_key_shows_and_its_debugger_view_hides_the_plaintext()
    {
        var created = ApiKeysModelFactory.CreatedApiKey("k1", "ci", Samples.PlaintextKey);
        Assert.That(created.ToString(), Is.EqualTo("CreatedApiKey { Id = k1, Name = ci, MaskedKey = sk_...cdef, ProjectId = (org-wide), ExpiresAt = (never) }"));

        var proxyType = Type.GetType(typeof(CreatedApiKey).GetCustomAttribute<DebuggerTypeProxyAttribute>()!.ProxyTypeName)!;
        var proxy = Activator.CreateInstance(proxyType, created)!;
        Assert.That(proxyType.GetProperty("Key")!.GetValue(proxy), Is.EqualTo("[REDACTED: shown once at creation; read CreatedApiKey.Key in code]"));
    }

    [Test]
    public void Errors_show_code_and_message()
    {
        Assert.That(new Error { Code = "bad_request", Message = "name is too long" }.ToString(), Is.EqualTo("bad_request: name is too long"));
        Assert.That(new ErrorDetail { Code = "invalid_input", Message = "field name" }.ToString(), Is.EqualTo("invalid_input: field name"));
    }

    [Test]
    public void Responses_show_status_attempts_and_the_values_own_text()
    {
        var key = ApiKeysModelFactory.ApiKey("k1", "ci", "sk_...abcd");
        Assert.That(ApiKeysModelFactory.Response(statusCode: 204, attempts: 2).ToString(), Is.EqualTo("KernelResponse { StatusCode = 204, Attempts = 2 }"));
        Assert.That(ApiKeysModelFactory.Response(key, 200, attempts: 1).ToString(),
            Is.EqualTo("KernelResponse<ApiKey> { StatusCode = 200, Attempts = 1, Value = " + key + " }"));
    }

    [Test]
    public void A_page_shows_offset_count_and_paging_headers()
    {
        var key = ApiKeysModelFactory.ApiKey("k1", "ci");
        Assert.That(ApiKeysModelFactory.ApiKeyPage(new[] { key, key }, offset: 20, nextOffset: 40).ToString(),
            Is.EqualTo("ApiKeyPage { Offset = 20, Count = 2, HasMore = True, NextOffset = 40 }"));

        var bare = new ApiKeyPage(new[] { key }, 0, ApiKeysModelFactory.Response(statusCode: 200));
        Assert.That(bare.ToString(), Is.EqualTo("ApiKeyPage { Offset = 0, Count = 1, HasMore = (absent), NextOffset = (absent) }"));
    }

    [Test]
    public void Options_show_everything_but_the_key()
    {
        var defaults = new KernelClientOptions();
        var set = new KernelClientOptions { ApiKey = Samples.CallerApiKey, BaseUrl = new Uri("http://127.0.0.1:5000/"), ProjectId = "proj_1", Timeout = TimeSpan.FromSeconds(5), MaxRetries = 1 };

        Assert.Multiple(() =>
        {
            Assert.That(defaults.ToString(), Is.EqualTo($"KernelClientOptions {{ ApiKey = (from KERNEL_API_KEY), BaseUrl = (default), ProjectId = (none), Timeout = {defaults.Timeout}, MaxRetries = {defaults.MaxRetries} }}"));
            Assert.That(set.ToString(), Is.EqualTo("KernelClientOptions { ApiKey = [REDACTED], BaseUrl = http://127.0.0.1:5000/, ProjectId = proj_1, Timeout = 00:00:05, MaxRetries = 1 }"));
            Assert.That(new ResolvedKernelOptions(Samples.CallerApiKey, new Uri("http://127.0.0.1:5000/"), null, TimeSpan.FromSeconds(5), 1, false).ToString(),
                Is.EqualTo("ResolvedKernelOptions { BaseUrl = http://127.0.0.1:5000/, ApiKey = [REDACTED] }"));
        });
    }

    [Test]
    public void A_spec_bound_describes_its_range()
    {
        Assert.Multiple(() =>
        {
            Assert.That(new SpecConstraints("name", 1, 255).ToString(), Is.EqualTo("name: 1-255"));
            Assert.That(new SpecConstraints("name", 1, 255).DescribeRange("characters"), Is.EqualTo("1-255 characters"));
            Assert.That(new SpecConstraints("offset", 0, null).DescribeRange("keys"), Is.EqualTo("at least 0 keys"));
            Assert.That(new SpecConstraints("limit", null, 100).DescribeRange("keys"), Is.EqualTo("at most 100 keys"));
            Assert.That(new SpecConstraints("query", null, null).DescribeRange("characters"), Is.EqualTo("any number of characters"));
            Assert.That(new SpecConstraints("query", null, null).ToString(), Is.EqualTo("query: any number of"));
        });
    }
}
