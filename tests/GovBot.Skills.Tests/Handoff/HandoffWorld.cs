using GovBot.Data;
using GovBot.Data.People;
using GovBot.Data.Reference;
using GovBot.TestSupport;
using GovBot.Skills.Conversation;
using GovBot.Skills.Handoff;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace GovBot.Skills.Tests.Handoff;

/// <summary>
/// The demo county in a real SQLite file, a fake clock, and one unit of work per message, saved as the host saves a
/// turn; each user's dialog is carried from one message to the next as the engine would.
/// </summary>
internal sealed class HandoffWorld : IDisposable
{
    /// <summary>Monday in 清徐, two days after the seeds were written.</summary>
    public static readonly DateOnly Day = DateOnly.FromDateTime(TestStore.SeedTime.AddDays(2).DateTime);

    private readonly Dictionary<string, DialogState?> _dialogs = [];

    private HandoffWorld(DateTimeOffset start) => Time = new FakeTimeProvider(start);

    public TestStore Store { get; } = new();
    /// <summary>Moves only forward; <see cref="StartAsync"/> sets the hour a test begins at.</summary>
    public FakeTimeProvider Time { get; }
    public HandoffOptions Options { get; } = new();
    public ReferenceCache Reference { get; } = new();

    /// <summary>The world at <paramref name="hour"/>:<paramref name="minute"/> China time; 10:00 is inside the default grid hours.</summary>
    public static async Task<HandoffWorld> StartAsync(int hour = 10, int minute = 0)
    {
        var world = new HandoffWorld(ChinaAt(hour, minute));
        await using (await world.Store.MigratedAndSeededAsync()) { }
        return world;
    }

    /// <summary>Moves the clock forward to this time of day (China time) on the world's day.</summary>
    public void At(int hour, int minute = 0) => Time.SetUtcNow(ChinaAt(hour, minute));

    public static DateTimeOffset ChinaAt(int hour, int minute) => new(Day.ToDateTime(new TimeOnly(hour, minute)), TimeSpan.FromHours(8));

    public DialogState? DialogOf(string user) => _dialogs.GetValueOrDefault(user);

    /// <summary>A text message from <paramref name="user"/>: to the open dialog, else to the handoff skill as a new request.</summary>
    public Task<string> SayAsync(string user, string text) => TurnAsync(user, IncomingMessage.FromText(user, text, Time.GetUtcNow()), async (s, turn) =>
        turn.Dialog is { } d
            ? await s.SkillNamed(d.Skill).ContinueAsync(turn, default)
            : await s.Handoff.StartAsync(turn, default));

    /// <summary>A tap on a button of a card <paramref name="user"/> got.</summary>
    public Task<string> TapAsync(string user, string key, string? responseCode = "code-1") =>
        TurnAsync(user, new IncomingMessage(user, MessageKind.Event, Time.GetUtcNow())
        {
            EventName = "template_card_event",
            EventKey = key,
            ResponseCode = responseCode,
        }, (s, turn) => s.Answer.OnButtonAsync(turn, key[(key.IndexOf(':') + 1)..], default));

    /// <summary>Every push in the outbox, oldest first.</summary>
    public Task<List<(string[] To, ReplyPart Part, string? Key)>> PushesAsync() => WithAsync(async s =>
        (await s.Db.Outbox.AsNoTracking().OrderBy(o => o.Id).ToListAsync())
            .Select(o => (o.ToUsers.Split('|', StringSplitOptions.RemoveEmptyEntries), OutboxExtensions.DeserializePayload(o.PayloadJson), o.SourceKey))
            .ToList());

    /// <summary>The cards sent to <paramref name="user"/>, oldest first.</summary>
    public async Task<List<CardPart>> CardsToAsync(string user) =>
        [.. (await PushesAsync()).Where(p => p.To.Contains(user)).Select(p => p.Part).OfType<CardPart>()];

    /// <summary>The texts pushed to <paramref name="user"/>, oldest first.</summary>
    public async Task<List<string>> TextsToAsync(string user) =>
        [.. (await PushesAsync()).Where(p => p.To.Contains(user)).Select(p => p.Part).OfType<TextPart>().Select(t => t.Text)];

    public Task<T> WithAsync<T>(Func<Step, Task<T>> work) => WithStepAsync(work);

    public void Dispose() => Store.Dispose();

    private async Task<string> TurnAsync(string user, IncomingMessage message, Func<Step, TurnContext, Task<Reply>> handle)
    {
        await using var step = new Step(this);
        var person = await step.Db.People.FirstAsync(p => p.WeComUserId == user);
        var turn = new TurnContext(message, person, _dialogs.GetValueOrDefault(user), null, Time.GetUtcNow());
        var reply = await handle(step, turn);
        await step.Db.SaveChangesAsync();
        _dialogs[user] = turn.Dialog;
        return reply.ToPlainText();
    }

    private async Task<T> WithStepAsync<T>(Func<Step, Task<T>> work)
    {
        await using var step = new Step(this);
        return await work(step);
    }

    /// <summary>One unit of work: a context and the handoff's services over it, as a turn's scope holds them.</summary>
    internal sealed class Step : IAsyncDisposable
    {
        public Step(HandoffWorld world)
        {
            Db = world.Store.CreateDb();
            var options = Microsoft.Extensions.Options.Options.Create(world.Options);
            var reference = new ReferenceData(Db, world.Reference);
            Desk = new HandoffDesk(Db, reference, options);
            Ledger = new HandoffLedger(Db);
            // Onboarding is the engine's; these tests only meet people whose address is known.
            Handoff = new HandoffSkill(Desk, Ledger, reference, options, new NoHandoffTransfer(), new ServiceCollection().BuildServiceProvider());
            Answer = new HandoffAnswerSkill(Db, Ledger);
        }

        public GovBotDb Db { get; }
        public HandoffDesk Desk { get; }
        public HandoffLedger Ledger { get; }
        public HandoffSkill Handoff { get; }
        public HandoffAnswerSkill Answer { get; }

        public ISkill SkillNamed(string name) => name == Answer.Name ? Answer : Handoff;

        public Task<Person> PersonAsync(string user) => Db.People.FirstAsync(p => p.WeComUserId == user);

        public ValueTask DisposeAsync() => Db.DisposeAsync();
    }
}
