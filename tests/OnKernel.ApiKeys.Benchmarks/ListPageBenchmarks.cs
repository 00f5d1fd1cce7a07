using System.Net;
using BenchmarkDotNet.Attributes;
using OnKernel.Benchmarks.HandWritten;

namespace OnKernel.Benchmarks;

/// <summary>One page of 100 keys: the hand-written side is a <c>JsonConvert.DeserializeObject&lt;List&lt;...&gt;&gt;</c> of the body.</summary>
[MemoryDiagnoser]
public class ListPageBenchmarks
{
    private static readonly ApiKeyListOptions Options = new() { Limit = 100 };

    private HandWrittenClient _hand = null!;
    private KernelClient _client = null!;

    [GlobalSetup]
    public void Setup()
    {
        _hand = ClientFactory.HandWritten(StubHandler.Always(HttpStatusCode.OK, Fixtures.Page));
        _client = ClientFactory.Kernel(StubHandler.Always(HttpStatusCode.OK, Fixtures.Page));
    }

    [Benchmark(Baseline = true)]
    public async Task<int> HandWritten() => (await _hand.ListPageAsync(100)).Count;

    [Benchmark]
    public async Task<int> Client() => (await _client.ApiKeys.ListPageAsync(Options)).Items.Count;
}
