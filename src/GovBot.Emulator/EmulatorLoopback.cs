using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace GovBot.Emulator;

/// <summary>
/// The host's own address, read from the server once it listens. The emulator posts its callbacks there
/// over real HTTP, so they pass through Kestrel, routing and the callback endpoint as WeCom's would.
/// </summary>
public sealed class EmulatorLoopback(IServer server)
{
    /// <summary>Where to reach this host from this machine, e.g. http://127.0.0.1:5080/.</summary>
    /// <exception cref="InvalidOperationException">The server is not listening on HTTP (not started, or an in-memory test server).</exception>
    public Uri BaseAddress
    {
        get
        {
            var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            // Plain HTTP first: a loopback call needs no TLS, and a dev certificate may not be trusted.
            var chosen = addresses.OrderBy(a => a.StartsWith("http://", StringComparison.OrdinalIgnoreCase) ? 0 : 1).FirstOrDefault()
                ?? throw new InvalidOperationException("The host is not listening yet, so the emulator cannot reach its callback.");
            return new Uri(Reachable(chosen).TrimEnd('/') + "/");
        }
    }

    /// <summary>A wildcard listen address ("http://+:80", "http://[::]:80") named as a loopback one.</summary>
    internal static string Reachable(string address)
    {
        var scheme = address.IndexOf("://", StringComparison.Ordinal);
        if (scheme < 0) return address;
        var rest = address[(scheme + 3)..];
        var portAt = rest.LastIndexOf(':');
        var host = portAt > 0 ? rest[..portAt] : rest;
        var tail = portAt > 0 ? rest[portAt..] : "";
        host = host switch
        {
            "+" or "*" or "0.0.0.0" => "127.0.0.1",
            "[::]" => "[::1]",
            _ => host,
        };
        return address[..(scheme + 3)] + host + tail;
    }
}
