using GovBot.Data;
using GovBot.Skills.State;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace GovBot.Host.Health;

/// <summary>
/// Three probes: <c>/healthz/live</c> (the process answers; no dependency is checked, so a Redis outage never gets the
/// host restarted), <c>/healthz/ready</c> (the store, Redis when configured, a WeCom access token; JSON with a reason
/// per check, 503 when any fails) and <c>/healthz</c> (the same checks in plain text, as before the split).
/// </summary>
public static class HealthHosting
{
    public static IHostApplicationBuilder AddHealthHosting(this IHostApplicationBuilder builder)
    {
        // The store is migrated before the server starts listening, so a reachable store means callbacks can be taken.
        var checks = builder.Services.AddHealthChecks().AddDbContextCheck<GovBotDb>("store", tags: [HealthTags.Ready]);
        if (!string.IsNullOrWhiteSpace(builder.Configuration.GetConnectionString(StateRegistration.ConnectionStringName)))
            checks.AddCheck<RedisHealth>("redis", tags: [HealthTags.Ready]);
        return builder;
    }

    public static IEndpointRouteBuilder MapHealthHosting(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks("/healthz/live", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/healthz/ready", new HealthCheckOptions { ResponseWriter = HealthJson.WriteAsync });
        app.MapHealthChecks("/healthz");
        return app;
    }
}
