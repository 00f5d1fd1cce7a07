using System.Threading;
using System.Threading.Tasks;

namespace OnKernel;

/// <summary>
/// What an attempt sends: one generated-client call, made again for every attempt. Either a
/// shared static function of the generated client and one argument (create, get: the calls made
/// most, which then allocate no closure and no delegate per call), or any closure.
/// </summary>
internal readonly struct KernelCall<T>
{
    private readonly Func<IApiKeysClient, object, CancellationToken, Task<ApiKeysClientResponse<T>>>? _send;
    private readonly IApiKeysClient? _client;
    private readonly object? _argument;
    private readonly Func<CancellationToken, Task<ApiKeysClientResponse<T>>>? _closure;

    private KernelCall(Func<IApiKeysClient, object, CancellationToken, Task<ApiKeysClientResponse<T>>>? send, IApiKeysClient? client, object? argument,
        Func<CancellationToken, Task<ApiKeysClientResponse<T>>>? closure)
    {
        _send = send;
        _client = client;
        _argument = argument;
        _closure = closure;
    }

    /// <summary>A static function (no captures) of the client and one argument.</summary>
    public static KernelCall<T> Of(IApiKeysClient client, object argument, Func<IApiKeysClient, object, CancellationToken, Task<ApiKeysClientResponse<T>>> send) =>
        new(send, client, argument, null);

    /// <summary>Any call, as a closure.</summary>
    public static KernelCall<T> Of(Func<CancellationToken, Task<ApiKeysClientResponse<T>>> closure) => new(null, null, null, closure);

    public Task<ApiKeysClientResponse<T>> Invoke(CancellationToken cancellationToken) =>
        _closure is not null ? _closure(cancellationToken) : _send!(_client!, _argument!, cancellationToken);
}
