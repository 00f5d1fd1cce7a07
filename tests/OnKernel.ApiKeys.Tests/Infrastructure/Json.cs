using Newtonsoft.Json.Linq;

namespace OnKernel.ApiKeys.Tests.Infrastructure;

/// <summary>Structural JSON comparison for request bodies (property order and spacing do not matter).</summary>
internal static class Json
{
    public static void AssertEquivalent(string expected, string? actual)
    {
        Assert.That(actual, Is.Not.Null, "request body");
        var e = JToken.Parse(expected);
        var a = JToken.Parse(actual!);
        Assert.That(JToken.DeepEquals(e, a), Is.True, $"JSON differs.\nexpected: {e.ToString(Newtonsoft.Json.Formatting.None)}\nactual:   {a.ToString(Newtonsoft.Json.Formatting.None)}");
    }
}
