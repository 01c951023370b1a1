using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace GovBot.Host.WeCom.Crypto;

/// <summary>Keyed Aes instances for concurrent callers.</summary>
/// <remarks>An Aes object is not safe for concurrent use, and building one per message (plus copying the key in) is waste at 2,000 msgs/s; a small idle queue gives each thread its own.</remarks>
internal sealed class AesPool : IDisposable
{
    private readonly byte[] _key;
    private readonly ConcurrentQueue<Aes> _idle = new();
    private readonly int _maxIdle = Math.Max(4, Environment.ProcessorCount * 2);
    private volatile bool _disposed;

    internal AesPool(byte[] key)
    {
        _key = key;
    }

    internal Aes Rent()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_idle.TryDequeue(out Aes? aes))
        {
            return aes;
        }

        aes = Aes.Create();
        aes.Key = _key;
        return aes;
    }

    internal void Return(Aes aes)
    {
        // Count is approximate under contention; overshooting by a few idle instances is harmless.
        if (_disposed || _idle.Count >= _maxIdle)
        {
            aes.Dispose();
            return;
        }

        _idle.Enqueue(aes);
        if (_disposed)
        {
            Drain();
        }
    }

    public void Dispose()
    {
        _disposed = true;
        Drain();
    }

    private void Drain()
    {
        while (_idle.TryDequeue(out Aes? aes))
        {
            aes.Dispose();
        }
    }
}
