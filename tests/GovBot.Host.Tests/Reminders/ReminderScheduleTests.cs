using GovBot.Host.Reminders;
using GovBot.Skills.Reminders;
using Quartz;

namespace GovBot.Host.Tests.Reminders;

/// <summary>Each kind's default schedule fires at the local time the seeds ask for, whatever the server's zone.</summary>
public sealed class ReminderScheduleTests
{
    private static readonly TimeSpan Cst = TimeSpan.FromHours(8);
    private static readonly ReminderKinds Kinds = ReminderKinds.Standard(TimeSpan.FromMinutes(1));

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
}
