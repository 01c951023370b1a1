using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace GovBot.Emulator;

/// <summary>Access tokens the stand-in issued and when each expires.</summary>
internal sealed class StandInTokens(TimeProvider time, TimeSpan lifetime)
{
    public enum Verdict { Valid, Missing, Unknown, Expired }

    private readonly ConcurrentDictionary<string, DateTimeOffset> _expiry = new();
    private int _issued;

    public int Issued => Volatile.Read(ref _issued);
    public TimeSpan Lifetime => lifetime;

    public string Issue()
    {
        var token = StandInIds.New(48);
        _expiry[token] = time.GetUtcNow() + lifetime;
        Interlocked.Increment(ref _issued);
        return token;
    }

    public Verdict Check(string? token)
    {
        if (string.IsNullOrEmpty(token)) return Verdict.Missing;
        if (!_expiry.TryGetValue(token, out var expiresAt)) return Verdict.Unknown;
        return expiresAt > time.GetUtcNow() ? Verdict.Valid : Verdict.Expired;
    }

    /// <summary>Every token issued so far now answers 42001, as after a secret reset or their natural end.</summary>
    public void ExpireAll()
    {
        foreach (var token in _expiry.Keys) _expiry[token] = DateTimeOffset.MinValue;
    }
}

internal static class StandInIds
{
    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

    public static string New(int length) => RandomNumberGenerator.GetString(Alphabet, length);
}
