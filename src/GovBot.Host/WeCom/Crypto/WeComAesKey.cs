namespace GovBot.Host.WeCom.Crypto;

/// <summary>Turns the admin-console EncodingAESKey into the AES-256 key WeCom uses.</summary>
internal static class WeComAesKey
{
    internal const int EncodingLength = 43;
    internal const int KeyLength = 32;

    /// <summary>Decodes Base64(EncodingAESKey + "="), failing fast so a typo in configuration surfaces at start-up rather than on the first callback.</summary>
    internal static byte[] Decode(string encodingAesKey)
    {
        if (encodingAesKey is null || encodingAesKey.Length != EncodingLength)
        {
            throw new WeComCryptoException(
                WeComCryptoError.InvalidAesKey,
                $"EncodingAESKey must be exactly {EncodingLength} characters (got {encodingAesKey?.Length ?? 0}); copy it unchanged from the WeCom admin console.");
        }

        // 43 chars + "=" is 44 Base64 chars, at most 33 bytes; the padding makes it exactly 32 when the text is valid.
        Span<byte> buffer = stackalloc byte[KeyLength + 1];
        if (!Convert.TryFromBase64String(encodingAesKey + "=", buffer, out int written) || written != KeyLength)
        {
            throw new WeComCryptoException(
                WeComCryptoError.InvalidAesKey,
                $"EncodingAESKey must be Base64 text that decodes to a {KeyLength}-byte AES key; it contains characters outside A-Z, a-z, 0-9, '+' and '/'.");
        }

        return buffer[..KeyLength].ToArray();
    }
}
