using GovBot.Data;
using GovBot.Data.Seeding;
using GovBot.Data.Services;
using GovBot.TestSupport;
using GovBot.Skills.Conversation;
using GovBot.Skills.Reminders;
using GovBot.Skills.Services;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace GovBot.Skills.Tests.Services;

/// <summary>A task round that met silence asks further volunteers; those who accepted hear before it starts, once.</summary>
public sealed class VolunteerTaskReminderTests : IAsyncLifetime
{
    private readonly TestStore _store = new();
    private readonly FakeTimeProvider _time = new(TestStore.SeedTime.AddDays(2));

    public async Task InitializeAsync()
    {
        await using var _ = await _store.MigratedAndSeededAsync();
    }

    public Task DisposeAsync()
    {
        _store.Dispose();
        return Task.CompletedTask;
    }

    private async Task<T> InStepAsync<T>(Func<VolunteerTaskService, GovBotDb, Task<T>> work)
    {
        await using var db = _store.CreateDb();
        return await work(new VolunteerTaskService(db, _time), db);
    }

    private Task<int> RemindAsync() => InStepAsync((tasks, db) =>
        new VolunteerTaskReminder(db, tasks, new ReminderPusher(db, _time, Options.Create(new ReminderOptions())), _time,
            Options.Create(new ReminderOptions())).RunAsync(default));

    private Task<List<string>> RecipientsAsync() => InStepAsync(async (_, db) =>
        await db.Outbox.OrderBy(o => o.Id).Select(o => o.ToUsers).ToListAsync());

    [Fact]
    public async Task Silence_brings_a_second_round_and_the_volunteer_who_accepted_is_reminded_once_before_the_start()
    {
        var taskId = await InStepAsync(async (s, db) =>
        {
            var staff = await db.People.FirstAsync(p => p.WeComUserId == DemoUsers.Staff);
            var team = await db.VolunteerTeams.FirstAsync(t => t.Name == "红色唠嗑队");
            var start = _time.GetUtcNow().AddDays(1);
            return (await s.CreateAsync(new TaskDraft("上门帮扶独居老人", "清华苑一期4号楼", start, start.AddHours(2), 1, staff.CommunityId!.Value)
            {
                TeamId = team.Id,
                Skills = ["维修"],
            }, staff, default)).Id;
        });
        var firstRound = Assert.Single(await RecipientsAsync()).Split('|');

        _time.Advance(TimeSpan.FromHours(3));
        Assert.Equal(0, await RemindAsync()); // not silent long enough yet
        _time.Advance(TimeSpan.FromHours(1.5));
        Assert.Equal(1, await RemindAsync());
        var secondRound = (await RecipientsAsync())[1].Split('|');
        Assert.Empty(secondRound.Intersect(firstRound));

        await InStepAsync(async (s, db) =>
        {
            var task = (await s.FindAsync(taskId, default))!;
            var volunteer = await db.People.FirstAsync(p => p.WeComUserId == secondRound[0]);
            return await s.AcceptAsync(task, volunteer, null, default);
        });
        var before = (await RecipientsAsync()).Count;

        _time.Advance(TimeSpan.FromHours(18)); // 30 minutes less than two hours before the start
        Assert.Equal(1, await RemindAsync());
        Assert.Equal(0, await RemindAsync());
        var reminder = Assert.Single((await RecipientsAsync()).Skip(before));
        Assert.Equal(secondRound[0], reminder);
        var text = await InStepAsync(async (_, db) =>
            ((TextPart)OutboxExtensions.DeserializePayload((await db.Outbox.OrderBy(o => o.Id).LastAsync()).PayloadJson)).Text);
        Assert.Contains("上门帮扶独居老人", text);
        Assert.Contains("清华苑一期4号楼", text);
    }

    [Fact]
    public async Task A_task_called_off_neither_asks_further_volunteers_nor_reminds_the_one_who_accepted()
    {
        var taskId = await InStepAsync(async (s, db) =>
        {
            var staff = await db.People.FirstAsync(p => p.WeComUserId == DemoUsers.Staff);
            var team = await db.VolunteerTeams.FirstAsync(t => t.Name == "红色唠嗑队");
            var start = _time.GetUtcNow().AddDays(1);
            var id = (await s.CreateAsync(new TaskDraft("上门帮扶独居老人", "清华苑一期4号楼", start, start.AddHours(2), 2, staff.CommunityId!.Value)
            {
                TeamId = team.Id,
            }, staff, default)).Id;
            var task = (await s.FindAsync(id, default))!;
            var volunteer = await db.People.FirstAsync(p => p.WeComUserId == DemoUsers.Volunteer);
            Assert.True((await s.AcceptAsync(task, volunteer, null, default)).Done);
            Assert.True((await new ServicePlans(db, _time).CancelTaskAsync(task, default)).Done);
            return id;
        });
        var told = await InStepAsync(async (_, db) => await db.Outbox.CountAsync(o => o.SourceKey == $"vtask:{taskId}:cancelled" && o.ToUsers == DemoUsers.Volunteer));
        Assert.Equal(1, told);
        var before = (await RecipientsAsync()).Count;

        _time.Advance(TimeSpan.FromHours(5)); // a silent round: an open task would ask further volunteers now
        Assert.Equal(0, await RemindAsync());
        _time.Advance(TimeSpan.FromHours(18)); // within two hours of the start
        Assert.Equal(0, await RemindAsync());
        Assert.Equal(before, (await RecipientsAsync()).Count);
    }
}
