using System.Net;
using System.Reflection;
using Newtonsoft.Json;
using OnKernel.ApiKeys.Tests.Infrastructure;
using RichardSzalay.MockHttp;

namespace OnKernel.ApiKeys.Tests.Facade;

/// <summary>A create sends a copy of the caller's request, taken before validation, on every attempt.</summary>
public class RequestSnapshotTests
{
    [Test]
    public void The_copy_carries_every_property_of_the_request_type()
    {
        // Every settable property gets a distinct value, so a property the copy misses (one a
        // spec update added) shows as a difference in the JSON that would be sent.
        var request = new CreateApiKeyRequest();
        foreach (var property in typeof(CreateApiKeyRequest).GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite))
        {
            object value = property.PropertyType == typeof(string) ? "value-of-" + property.Name
                : property.PropertyType == typeof(int?) || property.PropertyType == typeof(int) ? property.Name.Length
                : throw new AssertionException($"RequestSnapshotTests knows no sample value for {property.PropertyType} ({property.Name}); add one, and copy the property in RequestSnapshot.");
            property.SetValue(request, value);
        }

        var copy = RequestSnapshot.Of(request);

        Assert.That(copy, Is.Not.SameAs(request));
        Assert.That(JsonConvert.SerializeObject(copy), Is.EqualTo(JsonConvert.SerializeObject(request)));
    }

    [Test]
    public async Task A_retry_sends_what_was_validated_even_when_the_caller_changes_the_request_meanwhile()
    {
        var kernel = new MockKernel(o => o.MaxRetries = 1);
        var request = new CreateApiKeyRequest { Name = "validated", DaysToExpire = 30 };
        var bodies = new List<string>();
        kernel.OnCreate().Respond(sent =>
        {
            bodies.Add(sent.Content!.ReadAsStringAsync().GetAwaiter().GetResult());
            if (bodies.Count == 1)
            {
                // After validation, during the first attempt: too late to change what is sent.
                request.Name = "";
                request.DaysToExpire = -5;
                var refused = new HttpResponseMessage(HttpStatusCode.ServiceUnavailable) { Content = new StringContent("{\"code\":\"unavailable\",\"message\":\"try again\"}") };
                refused.Headers.TryAddWithoutValidation("retry-after-ms", "0");
                return refused;
            }

            return new HttpResponseMessage(HttpStatusCode.Created) { Content = new StringContent(Samples.CreatedKeyJson, System.Text.Encoding.UTF8, "application/json") };
        });

        var response = await kernel.ApiKeys.CreateWithResponseAsync(request);

        Assert.That(response.Attempts, Is.EqualTo(2));
        Assert.That(bodies, Has.Count.EqualTo(2));
        Assert.That(bodies, Is.All.EqualTo("{\"name\":\"validated\",\"days_to_expire\":30}"));
    }
}
