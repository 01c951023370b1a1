namespace GovBot.Host.Open311;

public static class Open311Hosting
{
    /// <summary>The Open311 GeoReport v2 API: settings, the clients seeded from them, and the services behind the endpoints.</summary>
    public static IHostApplicationBuilder AddOpen311Hosting(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<Open311Options>().Bind(builder.Configuration.GetSection(Open311Options.SectionName))
            .Validate(o => o.Clients.All(c => !string.IsNullOrWhiteSpace(c.Name)), "Open311:Clients: every client needs a Name.")
            .Validate(o => o.Clients.All(c => c.ApiKey.Length is >= Open311Options.MinKeyLength and <= Open311Keys.MaxKeyLength),
                $"Open311:Clients: every ApiKey needs {Open311Options.MinKeyLength} to {Open311Keys.MaxKeyLength} characters.")
            .ValidateOnStart();
        // Registered after the store's initializer, so the clients are written into a migrated store.
        services.AddHostedService<Open311ClientSeeder>();
        services.AddScoped<Open311KeyVerifier>();
        services.AddScoped<Open311Gate>();
        services.AddScoped<Open311Catalog>();
        services.AddScoped<Open311Locator>();
        services.AddScoped<Open311RequestQuery>();
        services.AddScoped<Open311Filing>();
        return builder;
    }

    /// <summary>The GeoReport v2 endpoints (<see cref="Open311Api"/>).</summary>
    public static IEndpointRouteBuilder MapOpen311Hosting(this IEndpointRouteBuilder app)
    {
        app.MapOpen311();
        return app;
    }
}
