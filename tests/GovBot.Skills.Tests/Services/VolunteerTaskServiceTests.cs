using GovBot.Data;
using GovBot.Data.Seeding;
using GovBot.Data.Services;
using GovBot.TestSupport;
using GovBot.Skills.Conversation;
using GovBot.Skills.Services;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace GovBot.Skills.Tests.Services;

/// <summary>Rounds of task pushes, one tap filling the task, and hours recorded once, against a real SQLite file.</summary>
public sealed class VolunteerTaskServiceTests : IAsyncLifetime
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

    private Task<List<(string To, ReplyPart Part)>> OutboxAsync() => InStepAsync(async (_, db) =>
        (await db.Outbox.OrderBy(o => o.Id).ToListAsync()).Select(o => (o.ToUsers, OutboxExtensions.DeserializePayload(o.PayloadJson))).ToList());

    private Task<TaskAnswerOutcome> AnswerAsync(int taskId, string user, bool accept, string? code) => InStepAsync(async (s, db) =>
    {
        var task = (await s.FindAsync(taskId, default))!;
        var person = await db.People.FirstAsync(p => p.WeComUserId == user);
        return accept ? await s.AcceptAsync(task, person, code, default) : await s.DeclineAsync(task, person, code, default);
    });

    [Fact]
    public async Task A_decline_asks_the_next_volunteer_and_a_full_task_greys_the_tapped_round_and_tells_the_rest()
    {
        var taskId = await InStepAsync(async (s, db) =>
        {
            var staff = await db.People.FirstAsync(p => p.WeComUserId == DemoUsers.Staff);
            var team = await db.VolunteerTeams.FirstAsync(t => t.Name == "红色唠嗑队");
            var start = _time.GetUtcNow().AddDays(1);
            var task = await s.CreateAsync(new TaskDraft("上门帮扶独居老人", "清华苑一期4号楼", start, start.AddHours(2), 1, staff.CommunityId!.Value)
            {
                TeamId = team.Id,
                Skills = ["维修"],
            }, staff, default);
            return task.Id;
        });
        var first = Assert.Single(await OutboxAsync());
        Assert.Equal(new[] { DemoUsers.Volunteer, DemoUsers.PartyCenterHousehold, DemoUsers.RetiredPartyMember }.Order(), first.To.Split('|').Order());
        Assert.Equal($"vtask-{taskId}-1", Assert.IsType<CardPart>(first.Part).TaskId);

        Assert.True((await AnswerAsync(taskId, DemoUsers.RetiredPartyMember, accept: false, "code-r1")).Done);
        var second = (await OutboxAsync())[1];
        Assert.Equal(DemoUsers.MobilePartyMember, second.To);
        Assert.Equal($"vtask-{taskId}-2", Assert.IsType<CardPart>(second.Part).TaskId);

        var accepted = await AnswerAsync(taskId, DemoUsers.Volunteer, accept: true, "code-v1");
        Assert.True(accepted.Done);
        var after = (await OutboxAsync()).Skip(2).ToList();
        var update = Assert.IsType<CardUpdate>(Assert.Single(after, p => p.Part is CardUpdate).Part);
        Assert.Equal($"vtask-{taskId}-1", update.TaskId);
        Assert.Contains(after, p => p.To == DemoUsers.MobilePartyMember && p.Part is TextPart t && t.Text.Contains("满员"));

        Assert.False((await AnswerAsync(taskId, DemoUsers.MobilePartyMember, accept: true, null)).Done);
        Assert.Equal(1, await InStepAsync((_, db) => db.VolunteerTasks.Where(t => t.Id == taskId).Select(t => t.Accepted).FirstAsync()));

        for (var i = 0; i < 2; i++)
            await InStepAsync(async (s, db) =>
            {
                var task = (await s.FindAsync(taskId, default))!;
                var staff = await db.People.FirstAsync(p => p.WeComUserId == DemoUsers.Staff);
                var volunteer = await db.People.FirstAsync(p => p.WeComUserId == DemoUsers.Volunteer);
                return await s.ConfirmHoursAsync(task, staff, [volunteer.Id], 90, default);
            });
        var hours = Assert.Single(await InStepAsync((_, db) => db.VolunteerHours.ToListAsync()));
        Assert.Equal((VolunteerHours.TaskSource, taskId, 90), (hours.SourceKind, hours.SourceId, hours.Minutes));
    }
}
