using GovBot.Skills.Reminders;

namespace GovBot.Host.Reminders;

/// <summary>One kind of reminder: its key (job name, config key, URL segment), its Chinese name for staff, what runs and when.</summary>
public sealed record ReminderKind(string Key, string Name, Type Reminder, ReminderSchedule DefaultSchedule);

/// <summary>
/// Every reminder kind the scheduler runs. This is the one place a new kind is wired: write an
/// <see cref="IReminder"/> in its feature, register it scoped, and <see cref="Add{T}"/> it here.
/// </summary>
public sealed class ReminderKinds
{
    private readonly List<ReminderKind> _kinds = [];

    public IReadOnlyList<ReminderKind> All => _kinds;

    public ReminderKind? Find(string key) => _kinds.FirstOrDefault(k => k.Key == key);

    public ReminderKinds Add<T>(string key, string name, ReminderSchedule schedule) where T : IReminder
    {
        if (Find(key) is not null) throw new InvalidOperationException($"Reminder kind '{key}' is added twice.");
        _kinds.Add(new ReminderKind(key, name, typeof(T), schedule));
        return this;
    }

    /// <summary>Every kind the demo county runs.</summary>
    public static ReminderKinds Standard(TimeSpan escalationSweep) => new ReminderKinds()
        // A patrol list from yesterday morning is no use at noon: skipped if missed.
        .Add<PatrolReminder>(PatrolReminder.Kind, "日巡查", new ReminderSchedule.Cron("0 0 8 * * ?", FireLate: false))
        .Add<ReportEscalationReminder>(ReportEscalationReminder.Kind, "说事超时督办", new ReminderSchedule.Every(escalationSweep))
        .Add<RatingRequestReminder>(RatingRequestReminder.Kind, "办结评价提醒", new ReminderSchedule.Cron("0 0/10 * * * ?", FireLate: true))
        .Add<WeeklyVisitReminder>(WeeklyVisitReminder.Kind, "周走访", new ReminderSchedule.Cron("0 30 8 ? * MON", FireLate: true))
        .Add<CommunityJointMeetingReminder>(CommunityJointMeetingReminder.KindKey, "社区联席会议", new ReminderSchedule.Cron("0 0 9 1 1/2 ?", FireLate: true))
        .Add<CountyJointMeetingReminder>(CountyJointMeetingReminder.KindKey, "县级联席会议", new ReminderSchedule.Cron("0 0 9 1 1/3 ?", FireLate: true))
        // Each reminder decides for itself whether it is still useful; a late run only sends what still is.
        .Add<BookingReminder>(BookingReminder.Kind, "预约提醒", new ReminderSchedule.Cron("0 0/5 * * * ?", FireLate: true))
        .Add<VolunteerTaskReminder>(VolunteerTaskReminder.Kind, "志愿任务补推与提醒", new ReminderSchedule.Cron("0 0/10 * * * ?", FireLate: true))
        .Add<StaleWishReminder>(StaleWishReminder.Kind, "微心愿认领超时", new ReminderSchedule.Cron("0 0 9 * * ?", FireLate: true))
        // Pushes nothing: drops expired message payloads and photos at night, when nobody chats; a missed night runs late.
        .Add<Privacy.RetentionSweep>(Privacy.RetentionSweep.Kind, "个人信息到期清理", new ReminderSchedule.Cron("0 15 3 * * ?", FireLate: true));
}
