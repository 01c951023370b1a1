namespace GovBot.Host.WeCom.Crypto;

/// <summary>Why a WeCom callback could not be authenticated or opened.</summary>
/// <remarks>Every value except <see cref="InvalidAesKey"/> describes bad input from the wire, so an endpoint can answer 4xx for it.</remarks>
public enum WeComCryptoError
{
    /// <summary>msg_signature, timestamp, nonce or the encrypted text was null or empty.</summary>
    MissingParameter,

    /// <summary>msg_signature is not 40 hex digits or does not match the token, timestamp, nonce and cipher text.</summary>
    InvalidSignature,

    /// <summary>The cipher text is not Base64.</summary>
    InvalidBase64,

    /// <summary>The decoded cipher text is empty or not a whole number of AES blocks.</summary>
    InvalidCipherLength,

    /// <summary>The last byte is not a PKCS#7 pad value in 1..32, or the pad bytes disagree.</summary>
    InvalidPadding,

    /// <summary>The plaintext is shorter than its 20-byte header, or its length field points past the end.</summary>
    InvalidLength,

    /// <summary>The trailing receive id is not the CorpID this instance was built for.</summary>
    ReceiveIdMismatch,

    /// <summary>The message bytes are not valid UTF-8.</summary>
    InvalidUtf8,

    /// <summary>The configured EncodingAESKey is not 43 Base64 characters decoding to 32 bytes (configuration, not input).</summary>
    InvalidAesKey,
}
