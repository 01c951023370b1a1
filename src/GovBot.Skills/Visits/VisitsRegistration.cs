using GovBot.Skills.Conversation;
using GovBot.Skills.Reminders;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace GovBot.Skills.Visits;

public static class VisitsRegistration
{
    /// <summary>周走访: a 党员中心户 records visits in the chat and gets, each Monday, the households not visited last week first.</summary>
    public static IHostApplicationBuilder AddGovBotVisits(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        // Recorded in the chat ("走访了3号楼2单元301") and read back by the Monday reminder.
        services.AddSkill<VisitSkill>();
        services.AddReminder<WeeklyVisitReminder>(WeeklyVisitReminder.Kind, "周走访", new ReminderSchedule.Cron("0 30 8 ? * MON", FireLate: true));
        return builder;
    }
}
