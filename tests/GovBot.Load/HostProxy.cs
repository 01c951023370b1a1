using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Yarp.ReverseProxy.Configuration;

namespace GovBot.Load;

/// <summary>
/// The load balancer in front of several hosts, as an operator would put nginx or a cloud balancer there: YARP on a
/// loopback port, round robin over every host, and passive health checks, so that a host whose connections fail is
/// taken out for a while and WeCom's redeliveries land on the others.
/// </summary>
public sealed class HostProxy : IAsyncDisposable
{
    /// <summary>How long a host that failed stays out before the proxy tries it again.</summary>
    public static readonly TimeSpan Reactivation = TimeSpan.FromSeconds(30);

    private readonly WebApplication _app;

    private HostProxy(WebApplication app, string baseUrl)
    {
        _app = app;
        BaseUrl = baseUrl;
    }

    public string BaseUrl { get; }

    public static async Task<HostProxy> StartAsync(IReadOnlyList<string> hostUrls, CancellationToken ct)
    {
        // The empty builder reads no appsettings or environment, so the tool's own settings cannot leak in.
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        builder.Services.AddRoutingCore();
        var route = new RouteConfig { RouteId = "govbot", ClusterId = "hosts", Match = new RouteMatch { Path = "{**rest}" } };
        var cluster = new ClusterConfig
        {
            ClusterId = "hosts",
            LoadBalancingPolicy = "RoundRobin",
            Destinations = hostUrls.Select((url, i) => (url, i)).ToDictionary(d => $"host{d.i + 1}", d => new DestinationConfig { Address = d.url }),
            HealthCheck = new HealthCheckConfig
            {
                Passive = new PassiveHealthCheckConfig { Enabled = true, Policy = "TransportFailureRate", ReactivationPeriod = Reactivation },
            },
            // Longer than WeCom's patience: the member's side gives up first and redelivers, as WeCom does.
            HttpRequest = new Yarp.ReverseProxy.Forwarder.ForwarderRequestConfig { ActivityTimeout = TimeSpan.FromSeconds(30) },
        };
        builder.Services.AddReverseProxy().LoadFromMemory([route], [cluster]);
        // A dead host fails fast (connection refused) so that the failure rate is counted within a few requests.
        builder.Services.Configure<Yarp.ReverseProxy.Health.TransportFailureRateHealthPolicyOptions>(o =>
        {
            o.DetectionWindowSize = TimeSpan.FromSeconds(10);
            o.MinimalTotalCountThreshold = 5;
            o.DefaultFailureRateLimit = 0.3;
        });
        var app = builder.Build();
        app.MapReverseProxy();
        await app.StartAsync(ct);
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()
            ?? throw new InvalidOperationException("Kestrel reported no addresses.");
        return new HostProxy(app, addresses.Addresses.First().TrimEnd('/'));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
