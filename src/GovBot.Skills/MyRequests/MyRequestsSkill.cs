using System.Text;
using GovBot.Skills.Conversation;
using GovBot.Skills.Nlu;

namespace GovBot.Skills.MyRequests;

/// <summary>
/// 我的上报 / 查进度 S1024: what the person has going on, from every skill that keeps things for them; and for a grid
/// worker or staff member their own lists (<see cref="IDeskView"/>: 我的待办, 今日巡查, 待审核) and ticket commands
/// (<see cref="ITicketCommand"/>: 受理 S1001).
/// </summary>
public sealed class MyRequestsSkill(IEnumerable<IMyRequestsSource> sources, IEnumerable<IDeskView> desk, IEnumerable<ITicketCommand> commands) : ISkill
{
    private const int ListLength = 5;
    private readonly IReadOnlyList<IDeskView> _desk = [.. desk];

    public string Name => "my-requests";
    public IReadOnlyCollection<string> Intents { get; } = [Nlu.Intents.MyRequests];
    public MenuEntry? Menu => new("查进度", "我的上报", Order: 20);

    public IEnumerable<MenuEntry> MenuEntries => [Menu!, .. _desk.Select(v => v.Menu with { For = v.For })];

    public async Task<Reply> StartAsync(TurnContext turn, CancellationToken ct)
    {
        if (turn.Nlu?.Find(Entities.Ticket) is { } ticket)
        {
            foreach (var command in commands)
                if (await command.TryAsync(turn, ticket, ct) is { } done) return done;
            foreach (var source in sources)
                if (await source.DescribeAsync(turn.User, ticket, ct) is { } story) return Reply.Text(story);
            return Reply.Text($"没有找到编号 {ticket}，请核对一下编号。说「我的上报」可以看您的全部事项。");
        }

        var mine = _desk.Where(v => (turn.User.Roles & v.For) != 0).ToList();
        var asked = _desk.FirstOrDefault(v => v.Keywords.Any(k => turn.Text.Contains(k, StringComparison.Ordinal)));
        if (asked is not null && mine.Contains(asked)) return await asked.ShowAsync(turn, ct);
        // A worker asking for a colleague's list hears where theirs is; a resident's words fall through to their own things.
        if (asked is not null && mine.Count > 0)
            return Reply.Text($"「{asked.Menu.Example}」是{asked.Audience}用的。您可以说"
                + string.Join("或", mine.OrderBy(v => v.Menu.Order).Select(v => $"「{v.Menu.Example}」")) + "。");

        var chosen = sources.Where(s => s.Keywords.Any(k => turn.Text.Contains(k, StringComparison.Ordinal))).ToList();
        if (chosen.Count == 0 && mine.FirstOrDefault(v => v.IsDefault) is { } todo) return await todo.ShowAsync(turn, ct);
        if (chosen.Count == 0) chosen = [.. sources];
        var lines = new List<RequestLine>();
        foreach (var source in chosen) lines.AddRange(await source.ListAsync(turn.User, ListLength, ct));
        if (lines.Count == 0 && chosen.Count == 1 && chosen[0].EmptyText is { } empty) return Reply.Text(empty);
        if (lines.Count == 0) return Reply.Text("您还没有在办的事项。有问题直接说，比如「5号楼门口有人乱停车」。");

        var text = new StringBuilder("您最近的事项：");
        foreach (var line in lines.OrderByDescending(l => l.At).Take(ListLength)) text.Append('\n').Append(line.Text);
        if (chosen.Any(s => s.HasTickets)) text.Append("\n想看某一件的详情，说「查进度」加编号就行。");
        return Reply.Text(text.ToString());
    }

    public Task<Reply> ContinueAsync(TurnContext turn, CancellationToken ct) => StartAsync(turn, ct);

    public Task<Reply> OnButtonAsync(TurnContext turn, string action, CancellationToken ct) => StartAsync(turn, ct);
}
