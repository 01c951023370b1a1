using GovBot.Host.WeCom.Api;
using Microsoft.Extensions.Options;

namespace GovBot.Host.StaffDirectory;

/// <summary>The address-book sync (通讯录同步): the WeCom directory client, the sync, its schedule and its staff page.</summary>
public static class StaffDirectoryHosting
{
    /// <summary>Call after AddGovBotData, AddWeComHosting, AddRemindersHosting (the Quartz scheduler).</summary>
    public static IHostApplicationBuilder AddStaffDirectoryHosting(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<DirectorySyncOptions>()
            .Bind(builder.Configuration.GetSection(DirectorySyncOptions.SectionName))
            .ValidateDataAnnotations()
            .Validate(o => Reminders.QuartzCron.IsValid(o.Cron), "DirectorySync:Cron is not a valid Quartz cron expression.")
            .ValidateOnStart();
        services.AddHttpClient<IWeComDirectory, WeComDirectoryClient>((sp, http) =>
        {
            var options = sp.GetRequiredService<IOptions<WeComOptions>>().Value;
            http.BaseAddress = new Uri(options.ApiBaseUrl.TrimEnd('/') + "/");
            http.Timeout = options.ApiTimeout;
        });
        services.AddScoped<DirectoryReader>();
        services.AddScoped<DirectorySync>();
        services.AddSingleton<DirectorySyncLastRun>();
        services.AddScoped<DirectorySyncJob>();
        services.AddHostedService<DirectorySyncScheduleSetup>();
        return builder;
    }


    /// <summary>The county admin's page; call from the staff pages' mapping, so it shares their form guard.</summary>
    public static IEndpointRouteBuilder MapDirectorySync(this IEndpointRouteBuilder pages)
    {
        pages.MapDirectorySyncPage();
        return pages;
    }
}
