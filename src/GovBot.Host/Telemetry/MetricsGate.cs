using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace GovBot.Host.Telemetry;

/// <summary>
/// Guards the Prometheus scrape: an address from an allowed network, or the configured key compared in constant time.
/// Anyone else gets 404 (the endpoint is not advertised), or 403 when they offered a wrong key, and never the figures.
/// </summary>
internal sealed class MetricsGate(IOptions<TelemetryOptions> options)
{
    public const string KeyHeader = "X-Metrics-Key";

    private readonly IReadOnlyList<IPNetwork> _networks = options.Value.Prometheus.Networks();
    private readonly byte[]? _keyHash = string.IsNullOrEmpty(options.Value.Prometheus.Key) ? null : Hash(options.Value.Prometheus.Key);

    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        if (FromAllowedNetwork(context.Connection.RemoteIpAddress) || OffersKey(context) == true)
        {
            await next(context);
            return;
        }
        context.Response.StatusCode = OffersKey(context) == false ? StatusCodes.Status403Forbidden : StatusCodes.Status404NotFound;
    }

    private bool FromAllowedNetwork(IPAddress? address)
    {
        if (address is null) return false;
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        return _networks.Any(n => n.Contains(address));
    }

    /// <summary>True for the right key, false for a wrong one, null when none was offered (or none is configured).</summary>
    private bool? OffersKey(HttpContext context)
    {
        if (_keyHash is null) return null;
        var offered = context.Request.Headers[KeyHeader].ToString();
        if (offered.Length == 0 && context.Request.Headers.Authorization.ToString() is { } auth && auth.StartsWith("Bearer ", StringComparison.Ordinal))
            offered = auth["Bearer ".Length..].Trim();
        if (offered.Length == 0) return null;
        // Hashing first makes both sides the same length, so the comparison's time says nothing about the key.
        return CryptographicOperations.FixedTimeEquals(Hash(offered), _keyHash);
    }

    private static byte[] Hash(string value) => SHA256.HashData(Encoding.UTF8.GetBytes(value));
}
