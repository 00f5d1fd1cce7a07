using System.Globalization;
using OnKernel.ApiKeys.ContractTests.Infrastructure;
using OnKernel.ApiKeys.ContractTests.Spec;

namespace OnKernel.ApiKeys.ContractTests.Boundaries;

/// <summary>
/// The boundary table for the constrained inputs of list, update and rotate: the facade's
/// verdict (rejected before sending, or sent) must match the spec's (Prism 400 or 2xx) and
/// the fake's.
/// Bounds come from the vendored spec, so a moved bound moves the rows.
/// </summary>
public sealed class OperationBoundaryTests
{
    private static readonly KernelSpec Spec = KernelSpec.Current;

    /// <summary>One input: how the facade sends it, and the same request raw.</summary>
    public sealed record Row(string Name, Func<ApiKeysService, Task> Facade, HttpMethod Method, string Path, string? Json, string? KnownDivergence = null)
    {
        public override string ToString() => Name;
    }

    private static IEnumerable<long> Around(long? min, long? max)
    {
        if (min is long lo)
        {
            yield return lo - 1;
            yield return lo;
        }

        if (max is long hi)
        {
            yield return hi;
            yield return hi + 1;
        }
    }

    private static string N(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static IEnumerable<Row> Rows()
    {
        foreach (var limit in Around(Spec.ParameterConstraint("listApiKeys", "limit", "minimum"), Spec.ParameterConstraint("listApiKeys", "limit", "maximum")))
        {
            yield return new Row($"list limit = {limit}", s => s.ListPageAsync(new ApiKeyListOptions { Limit = (int)limit }), HttpMethod.Get, $"org/api_keys?limit={N(limit)}", null);
        }

        foreach (var offset in Around(Spec.ParameterConstraint("listApiKeys", "offset", "minimum"), null))
        {
            yield return new Row($"list offset = {offset}", s => s.ListPageAsync(offset: (int)offset), HttpMethod.Get, $"org/api_keys?offset={N(offset)}", null);
        }

        foreach (var length in Around(Spec.Constraint("UpdateApiKeyRequest", "name", "minLength"), Spec.Constraint("UpdateApiKeyRequest", "name", "maxLength")).Where(l => l >= 0))
        {
            var name = new string('u', (int)length);
            yield return new Row($"update name of {length} chars", s => s.UpdateAsync("key_1", name), HttpMethod.Patch, "org/api_keys/key_1", $$"""{"name":"{{name}}"}""");
        }

        foreach (var days in Around(Spec.Constraint("RotateApiKeyRequest", "days_to_expire", "minimum"), Spec.Constraint("RotateApiKeyRequest", "days_to_expire", "maximum")))
        {
            yield return new Row($"rotate days_to_expire = {days}", s => s.RotateAsync("key_1", daysToExpire: (int)days, expireInDays: 0), HttpMethod.Post, "org/api_keys/key_1/rotate", $$"""{"days_to_expire":{{N(days)}},"expire_in_days":0}""");
        }

        foreach (var grace in Around(Spec.Constraint("RotateApiKeyRequest", "expire_in_days", "minimum"), Spec.Constraint("RotateApiKeyRequest", "expire_in_days", "maximum")))
        {
            yield return new Row($"rotate expire_in_days = {grace}", s => s.RotateAsync("key_1", expireInDays: (int)grace), HttpMethod.Post, "org/api_keys/key_1/rotate", $$"""{"expire_in_days":{{N(grace)}}}""");
        }

        // The spec states this rule only in prose; Kernel enforces it, so the facade does too.
        yield return new Row("rotate days_to_expire 5 < expire_in_days 7", s => s.RotateAsync("key_1", daysToExpire: 5, expireInDays: 7), HttpMethod.Post, "org/api_keys/key_1/rotate",
            """{"days_to_expire":5,"expire_in_days":7}""", KnownDivergence: "facade stricter than the schema: days_to_expire >= expire_in_days is stated only in the operation's description");
    }

    private static IEnumerable<TestCaseData> Cases() => Rows().Select(r => new TestCaseData(r).SetName("Boundary " + r.Name));

    /// <summary>The fake answers each raw request as the facade judges it (Kernel's rules: the spec's, plus the documented stricter ones).</summary>
    [TestCaseSource(nameof(Cases))]
    public async Task The_fake_agrees_with_the_facade(Row row)
    {
        var facadeAccepted = await FacadeAcceptsAsync(row, ServerKind.Fake);
        using var harness = new FacadeHarness(ServerKind.Fake);
        using var http = new HttpClient(harness.Fake!.CreateHandler()) { BaseAddress = new Uri("https://api.onkernel.com/") };

        var answer = await PrismHttp.SendAsync(http, row.Method, row.Path, row.Json);

        var fakeAccepted = answer.Status switch
        {
            >= 200 and < 300 => true,
            400 => false,
            _ => throw new AssertionException($"{row}: the fake answered {answer}"),
        };
        Assert.That(fakeAccepted, Is.EqualTo(facadeAccepted), $"{row}: facade {(facadeAccepted ? "sent it" : "rejected it")}, the fake answered {answer}");
    }

    [TestCaseSource(nameof(Cases))]
    public async Task Facade_and_spec_agree(Row row)
    {
        var facadeAccepted = await FacadeAcceptsAsync(row, ServerKind.Prism);

        using var http = PrismHttp.CreateClient();
        var answer = await PrismHttp.SendAsync(http, row.Method, row.Path, row.Json);
        var prismAccepted = answer.Status switch
        {
            >= 200 and < 300 => true,
            400 => false,
            _ => throw new AssertionException($"{row}: Prism answered {answer}"),
        };

        if (row.KnownDivergence is { } why)
        {
            Assert.That((facadeAccepted, prismAccepted), Is.EqualTo((false, true)), $"documented divergence ({why}) no longer holds; Prism: {answer}");
            return;
        }

        Assert.That(facadeAccepted, Is.EqualTo(prismAccepted), $"{row}: facade {(facadeAccepted ? "sent it" : "rejected it")}, Prism answered {answer}");
    }

    /// <summary>True when the facade sent the request (whatever the server then said), false when it refused before sending.</summary>
    private static async Task<bool> FacadeAcceptsAsync(Row row, ServerKind server)
    {
        bool facadeAccepted;
        using (var facade = new FacadeHarness(server))
        {
            try
            {
                await row.Facade(facade.Client.ApiKeys);
                facadeAccepted = true;
            }
            catch (ArgumentException)
            {
                Assert.That(facade.Recorder.Count, Is.Zero, $"{row}: rejected after sending");
                facadeAccepted = false;
            }
            catch (KernelBadRequestException)
            {
                facadeAccepted = true; // sent, and the server refused it: the facade is laxer than the server
            }
        }

        return facadeAccepted;
    }
}
