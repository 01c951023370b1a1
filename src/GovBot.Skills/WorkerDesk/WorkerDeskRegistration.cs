using GovBot.Skills.MyRequests;
using GovBot.Skills.Reminders;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace GovBot.Skills.WorkerDesk;

public static class WorkerDeskRegistration
{
    /// <summary>
    /// A grid worker's and staff member's own menu in the chat: 我的待办, 今日巡查, 待审核 (answered by 我的事项's skill
    /// for people with those roles), 受理/办结 by ticket, and the 08:00 日巡查 push. Needs reports, check-ins and wishes registered.
    /// </summary>
    public static IHostApplicationBuilder AddGovBotWorkerDesk(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddScoped<WorkQueue>();
        services.AddScoped<ReviewQueue>();
        // The first view whose words a message holds answers it: the narrow lists before the 待办, which takes "几件".
        services.AddScoped<IDeskView, PatrolView>();
        services.AddScoped<IDeskView, ReviewView>();
        services.AddScoped<IDeskView, TodoView>();
        services.AddScoped<ITicketCommand, CaseworkCommand>();
        // A patrol list from yesterday morning is no use at noon: skipped if missed.
        services.AddReminder<PatrolReminder>(PatrolReminder.Kind, "日巡查", new ReminderSchedule.Cron("0 0 8 * * ?", FireLate: false));
        return builder;
    }
}
