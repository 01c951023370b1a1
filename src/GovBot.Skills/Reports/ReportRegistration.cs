using GovBot.Skills.Ai;
using GovBot.Skills.Conversation;
using GovBot.Skills.MyRequests;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace GovBot.Skills.Reports;

public static class ReportRegistration
{
    /// <summary>Problem reports: the resident's and the worker's skills, routing, categories and deadlines.</summary>
    public static IHostApplicationBuilder AddGovBotReports(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<ReportOptions>().Bind(builder.Configuration.GetSection("Reports"))
            .Validate(o => o.RatingPeriod > TimeSpan.Zero && o.DuplicateWindow > TimeSpan.Zero && o.DeadlineSweepInterval > TimeSpan.Zero, "Reports: periods must be positive.")
            .Validate(o => o.TicketPrefix is { Length: 1 } p && char.IsAsciiLetterUpper(p[0]), "Reports:TicketPrefix must be one capital letter.")
            .ValidateOnStart();
        services.AddHostedService<ReportCategorySeeder>();
        services.AddScoped<ReportRouting>();
        services.AddScoped<ReportService>();
        services.AddScoped<ReportDeadlines>();
        services.AddScoped<GridPatrol>();
        services.AddScoped<IMyRequestsSource, ReportRequestsSource>();
        services.AddSkill<ReportSkill>();
        services.AddAiPlugin<ReportPlugin>("reports");
        services.AddSkill<CaseworkSkill>();
        return builder;
    }
}
