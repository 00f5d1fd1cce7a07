using OnKernel.ApiKeys.ContractTests.Infrastructure;
using OnKernel.ApiKeys.ContractTests.Spec;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace OnKernel.ApiKeys.ContractTests;

/// <summary>
/// Prism's dynamic mode (<c>Prefer: dynamic=true</c>) answers random values that fit the
/// schema, plus random extra properties: the parsing must not depend on the examples or
/// break on fields a future API version adds.
/// </summary>
public sealed class DynamicResponseTests
{
    private const int Samples = 20;

    [Test]
    public async Task Raw_dynamic_bodies_parse_as_CreatedApiKey()
    {
        var known = KernelSpec.Current.PropertyNames("CreatedApiKey").ToHashSet();
        var withExtras = 0;
        using var http = PrismHttp.CreateClient();

        for (var i = 0; i < Samples; i++)
        {
            var answer = await PrismHttp.PostCreateAsync(http, """{"name":"contract-test"}""", prefer: "dynamic=true");
            Assert.That(answer.Status, Is.EqualTo(201), answer.ToString);

            var created = JsonConvert.DeserializeObject<CreatedApiKey>(answer.Body);
            Assert.That(created?.Key, Is.Not.Null, answer.Body);
            if (JObject.Parse(answer.Body).Properties().Any(p => !known.Contains(p.Name)))
            {
                withExtras++;
            }
        }

        TestContext.Progress.WriteLine($"[dynamic] {withExtras} of {Samples} raw bodies had properties the spec does not declare");
        Assert.That(withExtras, Is.Positive, "no body had extra properties, so this test proved less than it claims");
    }

    [Test]
    public async Task Facade_parses_dynamic_bodies()
    {
        using var facade = new FacadeHarness(new PreferHandler("dynamic=true"));

        for (var i = 0; i < Samples; i++)
        {
            var created = await facade.Client.ApiKeys.CreateAsync("contract-test");

            Assert.That(created.Key, Is.Not.Empty);
        }
    }
}
