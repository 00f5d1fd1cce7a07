using System.Reflection;
using OnKernel.ApiKeys.Tests.Infrastructure;
using Newtonsoft.Json;

namespace OnKernel.ApiKeys.Tests.ApiKeys;

/// <summary>The facade over any IApiKeysClient, and the facade itself replaced in a caller's tests.</summary>
public class MockabilityTests
{
    /// <summary>An IApiKeysClient made at run time: only the methods a test scripts exist.</summary>
    public class ScriptedApiKeysClient : DispatchProxy
    {
        public Dictionary<string, Func<object?[], object>> Script { get; } = new();

        public List<string> Calls { get; } = new();

        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
        {
            Calls.Add(targetMethod!.Name);
            return Script.TryGetValue(targetMethod.Name, out var answer)
                ? answer(args!)
                : throw new NotSupportedException(targetMethod.Name + " is not scripted");
        }
    }

    private static (IApiKeysClient Client, ScriptedApiKeysClient Script) Scripted()
    {
        var client = DispatchProxy.Create<IApiKeysClient, ScriptedApiKeysClient>();
        return (client, (ScriptedApiKeysClient)(object)client);
    }

    [Test]
    public async Task ApiKeysService_runs_over_any_IApiKeysClient_with_validation_and_error_mapping()
    {
        var (client, script) = Scripted();
        var created = JsonConvert.DeserializeObject<CreatedApiKey>(Samples.CreatedKeyJson)!;
        CreateApiKeyRequest? sent = null;
        script.Script["PostApiKeysAsync"] = args =>
        {
            sent = (CreateApiKeyRequest)args[0]!;
            return Task.FromResult(new ApiKeysClientResponse<CreatedApiKey>(201, new Dictionary<string, IEnumerable<string>>(), created));
        };
        script.Script["GetApiKeysByIdAsync"] = _ => Task.FromException<ApiKeysClientResponse<ApiKey>>(
            new ApiKeysClientException<Error>("Resource not found", 404, Samples.ErrorJson("not_found", "gone"), new Dictionary<string, IEnumerable<string>>(), new Error { Code = "not_found", Message = "gone" }, null));

        var service = new ApiKeysService(client, KernelClient.CreatePipeline(TimeSpan.FromSeconds(5), maxRetries: 0, retryCreates: false, new SecretRedactor("sk_caller"), null));

        var key = await service.CreateAsync("ci", daysToExpire: 7);
        Assert.That(key.Key, Is.EqualTo(Samples.PlaintextKey));
        Assert.That((sent!.Name, sent.DaysToExpire), Is.EqualTo(("ci", (int?)7)));

        var notFound = Assert.ThrowsAsync<KernelNotFoundException>(() => service.GetAsync("k1"))!;
        Assert.That(notFound.Message, Is.EqualTo("404 not_found: gone"));

        Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => service.CreateAsync("ci", daysToExpire: 0));
        Assert.That(script.Calls, Is.EqualTo(new[] { "PostApiKeysAsync", "GetApiKeysByIdAsync" }), "validation failures never reach the client");
    }

    [Test]
    public void Every_public_operation_of_ApiKeysService_can_be_overridden_by_a_fake()
    {
        var notVirtual = typeof(ApiKeysService).GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
            .Where(m => !m.IsVirtual || m.IsFinal)
            .Select(m => m.Name)
            .ToList();
        Assert.That(notVirtual, Is.Empty);
        Assert.That(typeof(KernelClient).GetProperty(nameof(KernelClient.ApiKeys))!.GetMethod!.IsVirtual, Is.True);
        var constructor = typeof(ApiKeysService).GetConstructor(BindingFlags.Instance | BindingFlags.NonPublic, Type.EmptyTypes);
        Assert.That(constructor?.IsFamily, Is.True, "a protected parameterless constructor for subclasses");
    }
}
