using System.Diagnostics;
using System.Reflection;
using Kernel.Generated.Tests.Infrastructure;
using Newtonsoft.Json;

namespace Kernel.Generated.Tests.Facade;

/// <summary>Secrets never show in ToString() or the debugger.</summary>
public class SecretDisplayTests
{
    private static CreatedApiKey Created() => JsonConvert.DeserializeObject<CreatedApiKey>(Samples.CreatedKeyJson)!;

    [Test]
    public void CreatedApiKey_ToString_shows_the_masked_key_only()
    {
        var text = Created().ToString();
        Assert.That(text, Does.Contain("MaskedKey = sk_live_...cdef").And.Contain("Id = ckv9w8q2f000001l5r3j7k9m4"));
        SecretWatch.AssertClean(text, "CreatedApiKey.ToString()");
    }

    [Test]
    public void CreatedApiKey_debugger_display_and_proxy_hide_the_plaintext()
    {
        var display = typeof(CreatedApiKey).GetCustomAttribute<DebuggerDisplayAttribute>()!;
        Assert.That(display.Value, Is.EqualTo("{ToString(),nq}"));

        var proxyType = Type.GetType(typeof(CreatedApiKey).GetCustomAttribute<DebuggerTypeProxyAttribute>()!.ProxyTypeName)!;
        var proxy = Activator.CreateInstance(proxyType, Created())!;
        foreach (var property in proxyType.GetProperties())
        {
            SecretWatch.AssertClean(Convert.ToString(property.GetValue(proxy)), "debugger view " + property.Name);
        }

        Assert.That(proxyType.GetProperty("MaskedKey")!.GetValue(proxy), Is.EqualTo("sk_live_...cdef"));
    }

    [Test]
    public void Options_hide_the_key_from_the_debugger()
    {
        var browsable = typeof(KernelClientOptions).GetProperty(nameof(KernelClientOptions.ApiKey))!.GetCustomAttribute<DebuggerBrowsableAttribute>()!;
        Assert.That(browsable.State, Is.EqualTo(DebuggerBrowsableState.Never));
        Assert.That(typeof(KernelClientOptions).GetCustomAttribute<DebuggerDisplayAttribute>()!.Value, Is.EqualTo("{ToString(),nq}"));
    }

    [Test]
    public void KernelClient_ToString_has_no_key()
    {
        using var client = new KernelClient(new KernelClientOptions { ApiKey = Samples.CallerApiKey });
        SecretWatch.AssertClean(client.ToString(), "KernelClient.ToString()");
        SecretWatch.AssertClean(client.Options.ToString(), "resolved options");
    }
}
