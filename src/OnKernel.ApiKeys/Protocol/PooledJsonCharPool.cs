using System.Buffers;
using Newtonsoft.Json;

namespace OnKernel;

/// <summary>Newtonsoft's reader and writer take their character buffers from the shared array pool instead of allocating them per call.</summary>
internal sealed class PooledJsonCharPool : IArrayPool<char>
{
    public static readonly PooledJsonCharPool Instance = new();

    private PooledJsonCharPool()
    {
    }

    public char[] Rent(int minimumLength) => ArrayPool<char>.Shared.Rent(minimumLength);

    public void Return(char[]? array)
    {
        if (array is not null)
        {
            ArrayPool<char>.Shared.Return(array);
        }
    }
}
