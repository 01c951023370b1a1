using GovBot.Skills.Handoff;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace GovBot.Skills.Tests.Handoff;

/// <summary>Bad grid hours stop the host at start rather than misrouting residents at night.</summary>
public sealed class HandoffRegistrationTests
{
    [Theory]
    [InlineData("18:00", "08:00", "00:10:00", "GridHoursStart must be before")]
    [InlineData("08:00", "08:00", "00:10:00", "GridHoursStart must be before")]
    [InlineData("08:00", "18:00", "00:00:00", "RepeatWindow")]
    public void Invalid_options_fail_at_start(string start, string end, string window, string message)
    {
        var error = Assert.Throws<OptionsValidationException>(() => Options(start, end, window));
        Assert.Contains(message, error.Message);
    }

    [Fact]
    public void Defaults_are_eight_to_six_china_time()
    {
        var options = Options(null, null, null);
        Assert.Equal("8:00–18:00", options.GridHoursText);
        Assert.True(options.IsGridHours(new DateTimeOffset(2025, 3, 3, 0, 0, 0, TimeSpan.Zero)));   // 08:00 in 清徐
        Assert.False(options.IsGridHours(new DateTimeOffset(2025, 3, 3, 10, 0, 0, TimeSpan.Zero))); // 18:00 in 清徐
    }

    private static HandoffOptions Options(string? start, string? end, string? window)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        var settings = new Dictionary<string, string?>();
        if (start is not null) settings["Handoff:GridHoursStart"] = start;
        if (end is not null) settings["Handoff:GridHoursEnd"] = end;
        if (window is not null) settings["Handoff:RepeatWindow"] = window;
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddGovBotHandoff();
        using var services = builder.Services.BuildServiceProvider();
        return services.GetRequiredService<IOptions<HandoffOptions>>().Value;
    }
}
