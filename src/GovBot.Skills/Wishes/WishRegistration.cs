using GovBot.Skills.Conversation;
using GovBot.Skills.Points;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace GovBot.Skills.Wishes;

public static class WishRegistration
{
    /// <summary>红色账户 (ledger, rules, 查积分) and 微心愿.</summary>
    public static IHostApplicationBuilder AddGovBotPointsAndWishes(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<PointsOptions>().Bind(builder.Configuration.GetSection("Points"));
        services.AddOptions<WishOptions>().Bind(builder.Configuration.GetSection("Wishes"))
            .Validate(o => o.ClaimStaleAfter > TimeSpan.Zero, "Wishes:ClaimStaleAfter must be positive.").ValidateOnStart();
        services.AddHostedService<PointItemSeeder>();
        services.AddHostedService<PointsCatchUp>();
        services.AddScoped<PointsLedger>();
        services.AddScoped<PointsBook>();
        services.AddScoped<WishService>();
        services.AddScoped<StaleWishClaims>();
        services.AddSkill<PointsSkill>();
        services.AddSkill<WishSkill>();
        return builder;
    }
}
