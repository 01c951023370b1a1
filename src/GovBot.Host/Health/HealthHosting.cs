using GovBot.Data;

namespace GovBot.Host.Health;

public static class HealthHosting
{
    public static IHostApplicationBuilder AddHealthHosting(this IHostApplicationBuilder builder)
    {
        // The store is migrated before the server starts listening, so a reachable store means callbacks can be taken.
        builder.Services.AddHealthChecks().AddDbContextCheck<GovBotDb>("store");
        return builder;
    }

    public static IEndpointRouteBuilder MapHealthHosting(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks("/healthz");
        return app;
    }
}
