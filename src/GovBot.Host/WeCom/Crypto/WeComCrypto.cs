using System.Buffers;
using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text;
using System.Text.Unicode;
using GovBot.Host.WeCom.Xml;

namespace GovBot.Host.WeCom.Crypto;

/// <summary>
/// The WXBizMsgCrypt scheme of a self-built WeCom app: SHA1 signature over the sorted
/// (token, timestamp, nonce, cipher text), AES-256-CBC with IV = key[0..16] and
/// plaintext = random(16) + big-endian length(4) + message + receiveId, PKCS#7-padded to 32 bytes.
/// </summary>
/// <remarks>Thread-safe; build one per app and share it. Bad input throws <see cref="WeComCryptoException"/> only.</remarks>
public sealed class WeComCrypto : IDisposable
{
    private const int RandomLength = 16;
    private const int LengthFieldLength = 4;
    private const int HeaderLength = RandomLength + LengthFieldLength;
    private const int AesBlockSize = 16;

    private readonly string _token;
    private readonly byte[] _iv;
    private readonly byte[] _receiveId;
    private readonly AesPool _aesPool;

    /// <param name="token">The callback Token from the admin console.</param>
    /// <param name="encodingAesKey">The 43-character EncodingAESKey from the admin console.</param>
    /// <param name="receiveId">The CorpID for a self-built app; decrypted messages must end with it.</param>
    public WeComCrypto(string token, string encodingAesKey, string receiveId)
    {
        ArgumentException.ThrowIfNullOrEmpty(token);
        ArgumentNullException.ThrowIfNull(receiveId);

        byte[] key = WeComAesKey.Decode(encodingAesKey);
        _token = token;
        _iv = key[..AesBlockSize];
        _receiveId = Encoding.UTF8.GetBytes(receiveId);
        _aesPool = new AesPool(key);
        ReceiveId = receiveId;
    }

    /// <summary>The CorpID this instance seals into, and expects at the end of, every message.</summary>
    public string ReceiveId { get; }

    /// <summary>Answers WeCom's GET URL check: verifies the signature and returns the decrypted echostr, to be sent back verbatim.</summary>
    /// <param name="echoStr">The echostr query value, already URL-decoded.</param>
    /// <remarks>Parameters are nullable so raw query values can be passed straight in; null or empty gives <see cref="WeComCryptoError.MissingParameter"/>.</remarks>
    public string VerifyUrl(string? msgSignature, string? timestamp, string? nonce, string? echoStr) =>
        VerifyAndOpen(msgSignature, timestamp, nonce, echoStr, nameof(echoStr));

    /// <summary>Verifies a POST callback and returns the plaintext message XML.</summary>
    /// <param name="encrypted">The text of the envelope's &lt;Encrypt&gt; element.</param>
    public string DecryptMessage(string? msgSignature, string? timestamp, string? nonce, string? encrypted) =>
        VerifyAndOpen(msgSignature, timestamp, nonce, encrypted, nameof(encrypted));

    /// <summary>Seals <paramref name="plaintext"/> with fresh random bytes; returns the Base64 cipher text.</summary>
    public string Encrypt(string plaintext)
    {
        ArgumentNullException.ThrowIfNull(plaintext);

        int messageLength = Encoding.UTF8.GetByteCount(plaintext);
        int unpadded = HeaderLength + messageLength + _receiveId.Length;
        int total = unpadded + WeComPkcs7.PadLength(unpadded);

        byte[] rented = ArrayPool<byte>.Shared.Rent(total * 2);
        try
        {
            Span<byte> plain = rented.AsSpan(0, total);
            RandomNumberGenerator.Fill(plain[..RandomLength]);
            BinaryPrimitives.WriteInt32BigEndian(plain.Slice(RandomLength, LengthFieldLength), messageLength);
            Encoding.UTF8.GetBytes(plaintext, plain.Slice(HeaderLength, messageLength));
            _receiveId.CopyTo(plain[(HeaderLength + messageLength)..]);
            WeComPkcs7.WritePadding(plain[unpadded..]);

            Span<byte> cipher = rented.AsSpan(total, total);
            Aes aes = _aesPool.Rent();
            try
            {
                aes.EncryptCbc(plain, _iv, cipher, PaddingMode.None);
            }
            finally
            {
                _aesPool.Return(aes);
            }

            return Convert.ToBase64String(cipher);
        }
        finally
        {
            ReturnCleared(rented, total * 2);
        }
    }

    /// <summary>The lowercase-hex msg_signature WeCom expects for this cipher text.</summary>
    public string Sign(string timestamp, string nonce, string encrypted)
    {
        ArgumentNullException.ThrowIfNull(timestamp);
        ArgumentNullException.ThrowIfNull(nonce);
        ArgumentNullException.ThrowIfNull(encrypted);
        return WeComSignature.ComputeHex(_token, timestamp, nonce, encrypted);
    }

    /// <summary>Encrypts and signs a passive reply, returning the envelope XML to write as the response body.</summary>
    public string EncryptReply(string replyXml, string timestamp, string nonce)
    {
        string encrypted = Encrypt(replyXml);
        return WeComEnvelopeXml.BuildReply(encrypted, Sign(timestamp, nonce, encrypted), timestamp, nonce);
    }

    /// <summary>Plays WeCom: seals a plaintext message into the POST an app would receive (for emulators and tests).</summary>
    public WeComCallbackRequest EncryptInbound(string messageXml, string toUserName, string? agentId, string timestamp, string nonce)
    {
        string encrypted = Encrypt(messageXml);
        return new WeComCallbackRequest(
            Sign(timestamp, nonce, encrypted),
            timestamp,
            nonce,
            WeComEnvelopeXml.BuildInbound(toUserName, agentId, encrypted));
    }

    public void Dispose() => _aesPool.Dispose();

    private string VerifyAndOpen(string? msgSignature, string? timestamp, string? nonce, string? encrypted, string encryptedName)
    {
        RequirePresent(msgSignature, "msg_signature");
        RequirePresent(timestamp, "timestamp");
        RequirePresent(nonce, "nonce");
        RequirePresent(encrypted, encryptedName);

        // Signature first: nothing unauthenticated reaches the cipher, so padding errors cannot become an oracle.
        if (!WeComSignature.Matches(_token, timestamp, nonce, encrypted, msgSignature))
        {
            throw new WeComCryptoException(WeComCryptoError.InvalidSignature, "msg_signature does not match the token, timestamp, nonce and cipher text.");
        }

        return Open(encrypted);
    }

    private string Open(string encrypted)
    {
        // Upper bound of the decoded size; whitespace tolerated by the decoder only makes it smaller.
        int maxCipherLength = (encrypted.Length / 4 * 3) + 3;
        byte[] rented = ArrayPool<byte>.Shared.Rent(maxCipherLength * 2);
        try
        {
            Span<byte> cipherBuffer = rented.AsSpan(0, maxCipherLength);
            if (!Convert.TryFromBase64String(encrypted, cipherBuffer, out int cipherLength))
            {
                throw new WeComCryptoException(WeComCryptoError.InvalidBase64, "The cipher text is not valid Base64.");
            }

            if (cipherLength == 0 || cipherLength % AesBlockSize != 0)
            {
                throw new WeComCryptoException(
                    WeComCryptoError.InvalidCipherLength,
                    $"The cipher text is {cipherLength} bytes, not a positive multiple of the {AesBlockSize}-byte AES block (truncated?).");
            }

            Span<byte> plain = rented.AsSpan(maxCipherLength, cipherLength);
            Aes aes = _aesPool.Rent();
            try
            {
                aes.DecryptCbc(cipherBuffer[..cipherLength], _iv, plain, PaddingMode.None);
            }
            finally
            {
                _aesPool.Return(aes);
            }

            return ReadMessage(WeComPkcs7.Unpad(plain));
        }
        finally
        {
            ReturnCleared(rented, maxCipherLength * 2);
        }
    }

    private string ReadMessage(ReadOnlySpan<byte> content)
    {
        if (content.Length < HeaderLength)
        {
            throw new WeComCryptoException(
                WeComCryptoError.InvalidLength,
                $"The decrypted text is {content.Length} bytes, shorter than its {HeaderLength}-byte header.");
        }

        // Unsigned, so a length with the top bit set cannot turn negative and slip past the bound check.
        uint messageLength = BinaryPrimitives.ReadUInt32BigEndian(content.Slice(RandomLength, LengthFieldLength));
        int available = content.Length - HeaderLength;
        if (messageLength > (uint)available)
        {
            throw new WeComCryptoException(
                WeComCryptoError.InvalidLength,
                $"The length field says {messageLength} bytes but only {available} follow the header.");
        }

        ReadOnlySpan<byte> message = content.Slice(HeaderLength, (int)messageLength);
        if (!content[(HeaderLength + (int)messageLength)..].SequenceEqual(_receiveId))
        {
            throw new WeComCryptoException(WeComCryptoError.ReceiveIdMismatch, "The message was sealed for a different CorpID.");
        }

        if (!Utf8.IsValid(message))
        {
            throw new WeComCryptoException(WeComCryptoError.InvalidUtf8, "The decrypted message is not valid UTF-8.");
        }

        return Encoding.UTF8.GetString(message);
    }

    private static void RequirePresent([NotNull] string? value, string name)
    {
        if (string.IsNullOrEmpty(value))
        {
            throw new WeComCryptoException(WeComCryptoError.MissingParameter, $"The callback parameter '{name}' is missing or empty.");
        }
    }

    // Plaintext of citizens' messages should not linger in a shared pool.
    private static void ReturnCleared(byte[] rented, int used)
    {
        CryptographicOperations.ZeroMemory(rented.AsSpan(0, Math.Min(used, rented.Length)));
        ArrayPool<byte>.Shared.Return(rented);
    }
}
