using GovBot.Skills.Conversation;
using GovBot.Skills.Reminders;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace GovBot.Skills.Wishes;

public static class WishesRegistration
{
    /// <summary>微心愿: posting, claiming and fulfilling wishes, and the nudge for a claim left too long.</summary>
    public static IHostApplicationBuilder AddGovBotWishes(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<WishOptions>().Bind(builder.Configuration.GetSection("Wishes"))
            .Validate(o => o.ClaimStaleAfter > TimeSpan.Zero, "Wishes:ClaimStaleAfter must be positive.").ValidateOnStart();
        services.AddScoped<WishService>();
        services.AddScoped<StaleWishClaims>();
        services.AddSkill<WishSkill>();
        services.AddReminder<StaleWishReminder>(StaleWishReminder.Kind, "微心愿认领超时", new ReminderSchedule.Cron("0 0 9 * * ?", FireLate: true));
        return builder;
    }
}
