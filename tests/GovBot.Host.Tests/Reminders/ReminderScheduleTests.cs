using GovBot.Host.Reminders;
using GovBot.Skills.Reminders;
using GovBot.Skills.Reports;
using GovBot.Skills.Visits;
using GovBot.Skills.WorkerDesk;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Quartz;

namespace GovBot.Host.Tests.Reminders;

/// <summary>Each kind's default schedule fires at the local time the seeds ask for, whatever the server's zone.</summary>
public sealed class ReminderScheduleTests
{
    private static readonly TimeSpan Cst = TimeSpan.FromHours(8);
    private static readonly ReminderKinds Kinds = KindsOf(b =>
    {
        b.AddGovBotReports();
        b.AddGovBotWorkerDesk();
        b.AddGovBotVisits();
    }, ("Reports:DeadlineSweepInterval", "00:01:00"));

    /// <summary>The kinds as the host collects them from what the features registered.</summary>
    internal static ReminderKinds KindsOf(Action<IHostApplicationBuilder> register, params (string Key, string Value)[] settings)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)));
        register(builder);
        var services = builder.Services.BuildServiceProvider();
        return new ReminderKinds(services.GetServices<ReminderKindRegistration>(), services);
    }

    private static DateTimeOffset Next(string kind, DateTimeOffset after)
    {
        var cron = Assert.IsType<ReminderSchedule.Cron>(Kinds.Find(kind)!.DefaultSchedule);
        return ChinaTime.ToLocal(new CronExpression(cron.Expression, ChinaTime.Zone).GetNextValidTimeAfter(after)!.Value);
    }

    [Fact]
    public void The_patrol_reminder_is_at_eight_every_morning_china_time()
    {
        // 23:30 UTC on Sunday is already 07:30 Monday in 清徐.
        Assert.Equal(new DateTimeOffset(2026, 11, 23, 8, 0, 0, Cst), Next(PatrolReminder.Kind, new DateTimeOffset(2026, 11, 22, 23, 30, 0, TimeSpan.Zero)));
        Assert.Equal(new DateTimeOffset(2026, 11, 24, 8, 0, 0, Cst), Next(PatrolReminder.Kind, new DateTimeOffset(2026, 11, 23, 8, 0, 0, Cst)));
        Assert.False(Assert.IsType<ReminderSchedule.Cron>(Kinds.Find(PatrolReminder.Kind)!.DefaultSchedule).FireLate);
    }

    [Fact]
    public void The_visit_reminder_is_on_monday_at_half_past_eight()
    {
        Assert.Equal(new DateTimeOffset(2026, 11, 30, 8, 30, 0, Cst), Next(WeeklyVisitReminder.Kind, new DateTimeOffset(2026, 11, 23, 9, 0, 0, Cst)));
    }

    [Fact]
    public void Joint_meetings_come_every_two_months_in_the_community_and_every_quarter_in_the_county()
    {
        var after = new DateTimeOffset(2026, 11, 23, 9, 0, 0, Cst);
        Assert.Equal(new DateTimeOffset(2027, 1, 1, 9, 0, 0, Cst), Next(CommunityJointMeetingReminder.KindKey, after));
        Assert.Equal(new DateTimeOffset(2027, 3, 1, 9, 0, 0, Cst), Next(CommunityJointMeetingReminder.KindKey, new DateTimeOffset(2027, 1, 1, 9, 0, 0, Cst)));
        Assert.Equal(new DateTimeOffset(2027, 1, 1, 9, 0, 0, Cst), Next(CountyJointMeetingReminder.KindKey, after));
        Assert.Equal(new DateTimeOffset(2027, 4, 1, 9, 0, 0, Cst), Next(CountyJointMeetingReminder.KindKey, new DateTimeOffset(2027, 1, 1, 9, 0, 0, Cst)));
    }

    [Fact]
    public void Escalations_sweep_every_minute()
    {
        Assert.Equal(TimeSpan.FromMinutes(1), Assert.IsType<ReminderSchedule.Every>(Kinds.Find(ReportEscalationReminder.Kind)!.DefaultSchedule).Interval);
    }

    [Fact]
    public void Each_feature_adds_its_own_kinds_with_the_keys_names_and_schedules_staff_know()
    {
        Assert.Equal("日巡查", Kinds.Find(PatrolReminder.Kind)!.Name);
        Assert.Equal("说事超时督办", Kinds.Find(ReportEscalationReminder.Kind)!.Name);
        Assert.Equal("周走访", Kinds.Find(WeeklyVisitReminder.Kind)!.Name);
        Assert.Equal(typeof(RatingRequestReminder), Kinds.Find(RatingRequestReminder.Kind)!.Reminder);
    }

    [Fact]
    public void Two_kinds_under_one_key_stop_the_start_naming_the_key_and_both_reminders()
    {
        var refused = Assert.Throws<InvalidOperationException>(() => KindsOf(b =>
        {
            b.AddGovBotVisits();
            b.Services.AddReminder<PatrolReminder>(WeeklyVisitReminder.Kind, "日巡查", new ReminderSchedule.Cron("0 0 8 * * ?", FireLate: false));
        }));
        Assert.Contains($"'{WeeklyVisitReminder.Kind}'", refused.Message);
        Assert.Contains(nameof(WeeklyVisitReminder), refused.Message);
        Assert.Contains(nameof(PatrolReminder), refused.Message);
    }
}
