namespace GovBot.Host.Nlu;

/// <summary>POST /api/nlu/parse (<see cref="NluApi"/>): its options, checked at start, its rate limit and its endpoint.</summary>
public static class NluHosting
{
    public static IHostApplicationBuilder AddNluHosting(this IHostApplicationBuilder builder) => builder.AddNluApi();

    public static IEndpointRouteBuilder MapNluHosting(this IEndpointRouteBuilder app)
    {
        app.MapNluApi();
        return app;
    }
}
