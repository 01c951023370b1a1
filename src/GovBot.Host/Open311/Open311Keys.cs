using System.Security.Cryptography;
using System.Text;
using GovBot.Data;
using GovBot.Data.Reports;
using Microsoft.EntityFrameworkCore;

namespace GovBot.Host.Open311;

/// <summary>API keys are stored as lower-case hex SHA-256: a leaked database does not leak working keys.</summary>
public static class Open311Keys
{
    /// <summary>Longer is not a key anyone was given; refusing early keeps hashing cheap.</summary>
    public const int MaxKeyLength = 256;

    public static string Hash(string apiKey) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(apiKey)));
}

/// <summary>Finds the active client an api_key belongs to.</summary>
public sealed class Open311KeyVerifier(GovBotDb db)
{
    /// <returns>The client, or null when the key is missing, unknown or revoked.</returns>
    public async Task<Open311Client?> VerifyAsync(string? apiKey, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(apiKey) || apiKey.Length > Open311Keys.MaxKeyLength) return null;
        var offered = Encoding.ASCII.GetBytes(Open311Keys.Hash(apiKey));
        var clients = await db.Open311Clients.AsNoTracking().Where(c => c.Active).ToListAsync(ct);
        Open311Client? match = null;
        foreach (var client in clients)
        {
            // Every row is compared, in constant time, so the time taken tells nothing about how close a guess came.
            if (CryptographicOperations.FixedTimeEquals(offered, Encoding.ASCII.GetBytes(client.ApiKeyHash))) match ??= client;
        }
        return match;
    }
}
