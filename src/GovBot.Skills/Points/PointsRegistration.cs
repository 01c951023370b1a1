using GovBot.Skills.Conversation;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace GovBot.Skills.Points;

public static class PointsRegistration
{
    /// <summary>红色账户: the ledger, the point items and rules, the catch-up of points earned elsewhere, and 查积分.</summary>
    public static IHostApplicationBuilder AddGovBotPoints(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<PointsOptions>().Bind(builder.Configuration.GetSection("Points"));
        services.AddHostedService<PointItemSeeder>();
        services.AddHostedService<PointsCatchUp>();
        services.AddScoped<PointsLedger>();
        services.AddScoped<PointsBook>();
        services.AddSkill<PointsSkill>();
        return builder;
    }
}
