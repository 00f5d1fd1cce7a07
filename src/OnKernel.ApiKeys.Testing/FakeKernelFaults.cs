namespace OnKernel.Testing;

/// <summary>
/// Fault injection for resilience tests: the next requests a <see cref="FakeKernel"/>
/// receives fail in a chosen way, one fault per request, in the order queued.
/// <code>
/// fake.Faults.Next(2).RateLimited(TimeSpan.FromSeconds(1))
///           .Next(1).DroppedAfterActing();
/// </code>
/// </summary>
public sealed class FakeKernelFaults
{
    private readonly Queue<Fault> _queue = new();

    internal FakeKernelFaults()
    {
    }

    /// <summary>How many queued faults are still to be served.</summary>
    public int Pending
    {
        get
        {
            lock (_queue)
            {
                return _queue.Count;
            }
        }
    }

    /// <summary>Chooses what the next <paramref name="count"/> requests (after any already queued) get.</summary>
    /// <param name="count">How many requests, 1 or more.</param>
    /// <returns>A builder: call one of its methods to queue the fault.</returns>
    public FakeKernelFaultBuilder Next(int count = 1)
    {
        if (count < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(count), count, "count must be 1 or more.");
        }

        return new FakeKernelFaultBuilder(this, count);
    }

    /// <summary>Drops every queued fault.</summary>
    public void Clear()
    {
        lock (_queue)
        {
            _queue.Clear();
        }
    }

    internal FakeKernelFaults Enqueue(Fault fault, int count)
    {
        lock (_queue)
        {
            for (var i = 0; i < count; i++)
            {
                _queue.Enqueue(fault);
            }
        }

        return this;
    }

    internal Fault? Take()
    {
        lock (_queue)
        {
            return _queue.Count > 0 ? _queue.Dequeue() : null;
        }
    }
}

/// <summary>Queues one kind of fault for the requests chosen by <see cref="FakeKernelFaults.Next"/>.</summary>
public sealed class FakeKernelFaultBuilder
{
    private readonly FakeKernelFaults _faults;
    private readonly int _count;

    internal FakeKernelFaultBuilder(FakeKernelFaults faults, int count)
    {
        _faults = faults;
        _count = count;
    }

    /// <summary>Answer 429 with the Error body and <c>Retry-After</c> (whole seconds, rounded up); the server does nothing.</summary>
    /// <param name="retryAfter">The delay to advertise.</param>
    /// <returns>The faults, to queue more.</returns>
    public FakeKernelFaults RateLimited(TimeSpan retryAfter)
    {
        if (retryAfter < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(retryAfter), retryAfter, "retryAfter must not be negative.");
        }

        return _faults.Enqueue(new Fault(FaultKind.RateLimited, 429, retryAfter), _count);
    }

    /// <summary>Answer a 5xx with the Error body; the server does nothing.</summary>
    /// <param name="statusCode">500 (the spec's declared error), or another 5xx such as 502, 503 or 504.</param>
    /// <returns>The faults, to queue more.</returns>
    public FakeKernelFaults ServerError(int statusCode = 500)
    {
        if (statusCode < 500 || statusCode > 599)
        {
            throw new ArgumentOutOfRangeException(nameof(statusCode), statusCode, "statusCode must be a 5xx status.");
        }

        return _faults.Enqueue(new Fault(FaultKind.ServerError, statusCode, null), _count);
    }

    /// <summary>Never answer: the request hangs until its cancellation token fires (the client's timeout or the caller's cancellation). The server does nothing.</summary>
    /// <returns>The faults, to queue more.</returns>
    public FakeKernelFaults Timeout() => _faults.Enqueue(new Fault(FaultKind.Timeout, 0, null), _count);

    /// <summary>
    /// Carry out the request (a create creates the key, a delete deletes it), then drop the
    /// connection before the response arrives: the handler throws
    /// <see cref="HttpRequestException"/> over an <see cref="IOException"/>, as a reset
    /// connection does. The caller cannot know the outcome.
    /// </summary>
    /// <returns>The faults, to queue more.</returns>
    public FakeKernelFaults DroppedAfterActing() => _faults.Enqueue(new Fault(FaultKind.DroppedAfterActing, 0, null), _count);

    /// <summary>
    /// Refuse the connection: the request never reaches the server (the handler throws
    /// <see cref="HttpRequestException"/> over a refused <c>SocketException</c>), so even a
    /// create is safe to retry.
    /// </summary>
    /// <returns>The faults, to queue more.</returns>
    public FakeKernelFaults ConnectionRefused() => _faults.Enqueue(new Fault(FaultKind.ConnectionRefused, 0, null), _count);
}

internal enum FaultKind
{
    RateLimited,
    ServerError,
    Timeout,
    DroppedAfterActing,
    ConnectionRefused,
}

internal sealed class Fault
{
    public Fault(FaultKind kind, int status, TimeSpan? retryAfter)
    {
        Kind = kind;
        Status = status;
        RetryAfter = retryAfter;
    }

    public FaultKind Kind { get; }

    public int Status { get; }

    public TimeSpan? RetryAfter { get; }
}
