namespace GovBot.Host.Reports;

public static class ReportsHosting
{
    /// <summary>
    /// The host's share of reports: the photo fetcher (the deadline sweep is a reminder kind, run by Quartz). Needs the reports
    /// (<c>AddGovBotReports</c>) and the WeCom client and outbox (<c>AddWeComHosting</c>).
    /// </summary>
    public static IHostApplicationBuilder AddReportsHosting(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<ReportPhotoOptions>()
            .Bind(builder.Configuration.GetSection(ReportPhotoOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<ReportPhotoFetcher>();
        services.AddHostedService(sp => sp.GetRequiredService<ReportPhotoFetcher>());
        return builder;
    }
}
