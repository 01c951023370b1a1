namespace GovBot.Host.Services;

/// <summary>The host's share of volunteer services: the staff API (<see cref="ServicesApi"/>). Bookings and tasks are <c>AddGovBotServices</c>.</summary>
public static class ServicesHosting
{
    public static IEndpointRouteBuilder MapServicesHosting(this IEndpointRouteBuilder app)
    {
        app.MapServicesApi();
        return app;
    }
}
