using System.Diagnostics;
using System.Net;

namespace OnKernel.Benchmarks.Loopback;

/// <summary>
/// <c>profile &lt;create|get|list&gt; &lt;seconds&gt;</c>: this client's calls over the in-memory handler in
/// a loop, for a profiler to attach to, e.g.
/// <c>dotnet dotnet-trace collect --format Speedscope -- dotnet OnKernel.ApiKeys.Benchmarks.dll profile create 5</c>.
/// </summary>
internal static class ProfileLoop
{
    public static async Task<int> RunAsync(string[] args)
    {
        var operation = args[0];
        var body = operation switch { "create" => Fixtures.Created, "get" => Fixtures.Key, _ => Fixtures.Page };
        var client = ClientFactory.Kernel(StubHandler.Always(operation == "create" ? HttpStatusCode.Created : HttpStatusCode.OK, body));
        var options = new ApiKeyListOptions { Limit = 100 };
        var until = Stopwatch.GetTimestamp() + (long)(double.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) * Stopwatch.Frequency);
        long calls = 0;
        while (Stopwatch.GetTimestamp() < until)
        {
            _ = operation switch
            {
                "create" => (await client.ApiKeys.CreateAsync("bench-key", 90)).Id,
                "get" => (await client.ApiKeys.GetAsync(Fixtures.KeyId)).Id,
                _ => (await client.ApiKeys.ListPageAsync(options)).Items[0].Id,
            };
            calls++;
        }

        Console.WriteLine($"calls={calls}");
        return 0;
    }
}
