namespace GovBot.Host.CheckIns;

/// <summary>The host's share of 双报到: the staff API (<see cref="CheckInsApi"/>). The dialogs are <c>AddGovBotCheckIns</c>.</summary>
public static class CheckInsHosting
{
    public static IEndpointRouteBuilder MapCheckInsHosting(this IEndpointRouteBuilder app)
    {
        app.MapCheckInsApi();
        return app;
    }
}
