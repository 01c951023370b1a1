namespace GovBot.Host.Points;

/// <summary>The host's share of 红色账户: the staff API (<see cref="PointsApi"/>). The ledger is <c>AddGovBotPoints</c>.</summary>
public static class PointsHosting
{
    public static IEndpointRouteBuilder MapPointsHosting(this IEndpointRouteBuilder app)
    {
        app.MapPointsApi();
        return app;
    }
}
