using System.Diagnostics;
using System.Reflection;
using OnKernel.ApiKeys.Tests.Infrastructure;
using Newtonsoft.Json;

namespace OnKernel.ApiKeys.Tests.Models;

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

    /// <summary>
    /// Walks everything a debugger could show under a live client (public and non-public
    /// members, as the Locals window does) and requires every member that holds the API key
    /// to be hidden with [DebuggerBrowsable(Never)].
    /// </summary>
    [Test]
    public void No_debugger_visible_member_of_a_client_holds_the_api_key()
    {
        using var client = new KernelClient(new HttpClient(), new KernelClientOptions { ApiKey = Samples.CallerApiKey });
        var exposed = new List<string>();
        var holders = 0;
        Walk(client, "client", 0, new HashSet<object>(ReferenceEqualityComparer.Instance), exposed, ref holders);

        Assert.That(holders, Is.GreaterThan(0), "the walk must reach the fields that hold the key");
        Assert.That(exposed, Is.Empty);
    }

    private static void Walk(object node, string path, int depth, HashSet<object> seen, List<string> exposed, ref int holders)
    {
        if (depth > 8 || !seen.Add(node) || node.GetType().Assembly != typeof(KernelClient).Assembly)
        {
            return;
        }

        for (var type = node.GetType(); type is not null && type != typeof(object); type = type.BaseType)
        {
            foreach (var field in type.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            {
                var value = field.GetValue(node);
                if (value is null)
                {
                    continue;
                }

                var text = value as string ?? (value as System.Net.Http.Headers.AuthenticationHeaderValue)?.ToString();
                if (text is not null && text.Contains(Samples.CallerApiKey))
                {
                    holders++;
                    // An auto-property's backing field is shown through its property.
                    MemberInfo shown = field.Name.StartsWith('<') ? type.GetProperty(field.Name[1..field.Name.IndexOf('>')], BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic)! : field;
                    if (shown.GetCustomAttribute<DebuggerBrowsableAttribute>()?.State != DebuggerBrowsableState.Never)
                    {
                        exposed.Add($"{path}.{shown.Name}");
                    }
                }
                else if (!field.FieldType.IsValueType)
                {
                    Walk(value, $"{path}.{field.Name}", depth + 1, seen, exposed, ref holders);
                }
            }
        }
    }
}
