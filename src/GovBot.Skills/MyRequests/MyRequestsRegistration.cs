using GovBot.Skills.Ai;
using GovBot.Skills.Conversation;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace GovBot.Skills.MyRequests;

public static class MyRequestsRegistration
{
    /// <summary>我的事项: one list of what a person has asked for, from every feature's <see cref="IMyRequestsSource"/> (and the worker desk's views).</summary>
    public static IHostApplicationBuilder AddGovBotMyRequests(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSkill<MyRequestsSkill>();
        services.AddAiPlugin<MyRequestsPlugin>("myrequests");
        return builder;
    }
}
