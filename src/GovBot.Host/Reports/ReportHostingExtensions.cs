namespace GovBot.Host.Reports;

public static class ReportHostingExtensions
{
    /// <summary>
    /// The host's share of reports: the deadline timer and the photo fetcher. Needs the reports
    /// (<c>AddGovBotReports</c>) and the WeCom client and outbox (<c>AddWeComOutbound</c>).
    /// </summary>
    public static IHostApplicationBuilder AddReportBackgroundWork(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<ReportPhotoOptions>()
            .Bind(builder.Configuration.GetSection(ReportPhotoOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddHostedService<ReportDeadlineTimer>();
        services.AddSingleton<ReportPhotoFetcher>();
        services.AddHostedService(sp => sp.GetRequiredService<ReportPhotoFetcher>());
        return builder;
    }
}
