using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace GovBot.Host.Tests.WeCom.Crypto;

/// <summary>Encrypts hand-built plaintext with the sample key, bypassing the encoder, to forge the malformed layouts an attacker or a bug could produce.</summary>
internal static class RawSealer
{
    private static readonly byte[] Key = Convert.FromBase64String(WeComSample.EncodingAesKey + "=");

    /// <summary>random(16) + big-endian <paramref name="lengthField"/> + message + receiveId, with no padding added.</summary>
    public static byte[] Layout(uint lengthField, byte[] message, string receiveId)
    {
        byte[] rid = Encoding.UTF8.GetBytes(receiveId);
        var plain = new byte[20 + message.Length + rid.Length];
        RandomNumberGenerator.Fill(plain.AsSpan(0, 16));
        BinaryPrimitives.WriteUInt32BigEndian(plain.AsSpan(16, 4), lengthField);
        message.CopyTo(plain, 20);
        rid.CopyTo(plain, 20 + message.Length);
        return plain;
    }

    /// <summary>Appends <paramref name="pad"/> copies of <paramref name="padValue"/>.</summary>
    public static byte[] Padded(byte[] plain, int pad, byte padValue) =>
        [.. plain, .. Enumerable.Repeat(padValue, pad)];

    /// <summary>Correct WeCom padding (1..32 bytes up to a multiple of 32).</summary>
    public static byte[] Padded(byte[] plain)
    {
        int pad = 32 - (plain.Length % 32);
        return Padded(plain, pad, (byte)pad);
    }

    /// <summary>AES-256-CBC without padding; <paramref name="plain"/> must be whole 16-byte blocks.</summary>
    public static string Seal(byte[] plain)
    {
        using var aes = Aes.Create();
        aes.Key = Key;
        return Convert.ToBase64String(aes.EncryptCbc(plain, Key.AsSpan(0, 16), PaddingMode.None));
    }

    public static byte[] Open(string encrypted)
    {
        using var aes = Aes.Create();
        aes.Key = Key;
        return aes.DecryptCbc(Convert.FromBase64String(encrypted), Key.AsSpan(0, 16), PaddingMode.None);
    }
}
