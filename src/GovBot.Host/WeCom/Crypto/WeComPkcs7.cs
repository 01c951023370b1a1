namespace GovBot.Host.WeCom.Crypto;

/// <summary>PKCS#7 over 32-byte blocks, as WXBizMsgCrypt does it (not AES's 16), so the cipher itself runs with PaddingMode.None.</summary>
internal static class WeComPkcs7
{
    internal const int BlockSize = 32;

    /// <summary>Pad value for a payload of <paramref name="length"/> bytes: 1..32, a full block when already aligned.</summary>
    internal static int PadLength(int length) => BlockSize - (length % BlockSize);

    internal static void WritePadding(Span<byte> padding) => padding.Fill((byte)padding.Length);

    /// <summary>Strips the padding, rejecting values the encoder could not have produced.</summary>
    internal static ReadOnlySpan<byte> Unpad(ReadOnlySpan<byte> padded)
    {
        if (padded.IsEmpty)
        {
            throw Invalid("the decrypted text is empty");
        }

        int pad = padded[^1];
        if (pad is < 1 or > BlockSize || pad > padded.Length)
        {
            throw Invalid($"pad value {pad} is outside 1..{BlockSize} or longer than the text");
        }

        // Every pad byte must carry the pad value; the official libraries skip this, but a stray byte means a wrong key or tampering.
        if (padded[^pad..].IndexOfAnyExcept((byte)pad) >= 0)
        {
            throw Invalid("pad bytes disagree with the pad value");
        }

        return padded[..^pad];
    }

    private static WeComCryptoException Invalid(string why) =>
        new(WeComCryptoError.InvalidPadding, $"Invalid PKCS#7 padding: {why}.");
}
