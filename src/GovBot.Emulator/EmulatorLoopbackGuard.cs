using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace GovBot.Emulator;

/// <summary>
/// The emulator has no WeCom sign-in and a demo admin with a published password, so it must never be reachable
/// from another machine: the host refuses to start when a configured address (urls, Kestrel endpoints) is not a
/// loopback one, and stops again if the server ends up listening anywhere else.
/// </summary>
internal sealed class EmulatorLoopbackGuard(IConfiguration config, IServer server) : IHostedLifecycleService
{
    public Task StartingAsync(CancellationToken cancellationToken)
    {
        Refuse(Configured(config));
        return Task.CompletedTask;
    }

    public Task StartedAsync(CancellationToken cancellationToken)
    {
        Refuse(server.Features.Get<IServerAddressesFeature>()?.Addresses ?? []);
        return Task.CompletedTask;
    }

    private static void Refuse(IEnumerable<string> addresses)
    {
        var open = addresses.Where(a => !IsLoopback(a)).ToList();
        if (open.Count > 0)
            throw new InvalidOperationException(
                $"The emulator has no sign-in and a fixed demo password, so it only listens on loopback (127.0.0.1, [::1], localhost); "
                + $"configured: {string.Join(", ", open)}. Set urls to http://127.0.0.1:<port>; to serve real WeCom users run src/GovBot.Host instead.");
    }

    /// <summary>The addresses configuration asks for: urls, http_ports/https_ports (every interface) and Kestrel:Endpoints.</summary>
    internal static IEnumerable<string> Configured(IConfiguration config)
    {
        foreach (var url in (config["urls"] ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)) yield return url;
        foreach (var key in new[] { "http_ports", "https_ports" })
            foreach (var port in (config[key] ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                yield return $"http://*:{port}";
        foreach (var endpoint in config.GetSection("Kestrel:Endpoints").GetChildren())
            if (endpoint["Url"] is { Length: > 0 } url) yield return url;
    }

    internal static bool IsLoopback(string address)
    {
        var scheme = address.IndexOf("://", StringComparison.Ordinal);
        var rest = scheme < 0 ? address : address[(scheme + 3)..];
        rest = rest.Split('/', 2)[0];
        var portAt = rest.LastIndexOf(':');
        var host = portAt > 0 && !rest.EndsWith(']') ? rest[..portAt] : rest;
        host = host.Trim('[', ']');
        if (string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase)) return true;
        return IPAddress.TryParse(host, out var ip) && IPAddress.IsLoopback(ip);
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
