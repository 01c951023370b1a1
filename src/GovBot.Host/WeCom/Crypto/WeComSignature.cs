using System.Buffers;
using System.Security.Cryptography;
using System.Text;

namespace GovBot.Host.WeCom.Crypto;

/// <summary>msg_signature = hex(SHA1(concat(sort(token, timestamp, nonce, encrypted)))).</summary>
internal static class WeComSignature
{
    internal const int HashLength = 20;
    internal const int HexLength = HashLength * 2;

    // Typical callbacks sign well under 1 KiB of text, so most hashes never touch the pool.
    private const int StackBufferBytes = 1024;

    internal static void Compute(string token, string timestamp, string nonce, string encrypted, Span<byte> hash)
    {
        // Ordinal order is what the official libraries' byte-wise sort yields for WeCom's ASCII parameters.
        Span<string> parts = [token, timestamp, nonce, encrypted];
        parts.Sort(StringComparer.Ordinal);

        int byteCount = 0;
        foreach (string part in parts)
        {
            byteCount += Encoding.UTF8.GetByteCount(part);
        }

        byte[]? rented = null;
        Span<byte> buffer = byteCount <= StackBufferBytes
            ? stackalloc byte[StackBufferBytes]
            : (rented = ArrayPool<byte>.Shared.Rent(byteCount));
        try
        {
            int written = 0;
            foreach (string part in parts)
            {
                written += Encoding.UTF8.GetBytes(part, buffer[written..]);
            }

            SHA1.HashData(buffer[..written], hash);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    internal static string ComputeHex(string token, string timestamp, string nonce, string encrypted)
    {
        Span<byte> hash = stackalloc byte[HashLength];
        Compute(token, timestamp, nonce, encrypted, hash);
        return Convert.ToHexStringLower(hash);
    }

    /// <summary>Compares in constant time so response timing does not reveal how many leading bytes of a forged signature were right.</summary>
    internal static bool Matches(string token, string timestamp, string nonce, string encrypted, string signature)
    {
        Span<byte> given = stackalloc byte[HashLength];
        // Hex parsing accepts either case: the value is a hash, not text whose case carries meaning.
        if (signature.Length != HexLength
            || Convert.FromHexString(signature, given, out _, out int bytesWritten) != OperationStatus.Done
            || bytesWritten != HashLength)
        {
            return false;
        }

        Span<byte> expected = stackalloc byte[HashLength];
        Compute(token, timestamp, nonce, encrypted, expected);
        return CryptographicOperations.FixedTimeEquals(expected, given);
    }
}
