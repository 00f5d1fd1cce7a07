using System.Collections.Concurrent;
using System.Diagnostics.Tracing;

namespace OnKernel.Benchmarks.Loopback;

/// <summary>
/// The runtime's allocation samples (one event per ~100 KB allocated, naming the type that
/// crossed the mark), counted by type: over many calls, where the bytes of a call go.
/// </summary>
internal sealed class AllocationSampler : EventListener
{
    private readonly ConcurrentDictionary<string, long> _bytesByType = new();

    public void Print(int top)
    {
        var total = _bytesByType.Values.Sum();
        foreach (var (type, bytes) in _bytesByType.OrderByDescending(p => p.Value).Take(top))
        {
            Console.WriteLine($"{100.0 * bytes / total,6:0.0}%  {type}");
        }
    }

    protected override void OnEventSourceCreated(EventSource source)
    {
        if (source.Name == "Microsoft-Windows-DotNETRuntime")
        {
            EnableEvents(source, EventLevel.Verbose, (EventKeywords)0x1); // GC
        }
    }

    protected override void OnEventWritten(EventWrittenEventArgs e)
    {
        if (e.EventName is not null && e.EventName.StartsWith("GCAllocationTick", StringComparison.Ordinal) && e.Payload is not null)
        {
            var type = e.Payload[e.PayloadNames!.IndexOf("TypeName")] as string ?? "?";
            _bytesByType.AddOrUpdate(type, 1, (_, n) => n + 1);
        }
    }
}
