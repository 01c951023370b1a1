namespace GovBot.Host.WeCom.Crypto;

/// <summary>The only exception <see cref="WeComCrypto"/> throws for bad callback input.</summary>
/// <remarks>Messages never contain the token, the key or payload bytes, so they are safe to log.</remarks>
public sealed class WeComCryptoException : Exception
{
    public WeComCryptoException(WeComCryptoError error, string message)
        : base(message)
    {
        Error = error;
    }

    public WeComCryptoError Error { get; }
}
