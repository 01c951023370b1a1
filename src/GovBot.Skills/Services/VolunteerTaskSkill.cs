using GovBot.Skills.Conversation;

namespace GovBot.Skills.Services;

/// <summary>A volunteer's one tap on a task card: 接单 takes a place, 婉拒 lets the next volunteer be asked.</summary>
public sealed class VolunteerTaskSkill(VolunteerTaskService tasks) : ISkill
{
    public string Name => VolunteerTaskService.SkillName;
    public string Topic => "志愿任务";
    public IReadOnlyCollection<string> Intents { get; } = [];
    public MenuEntry? Menu => null;

    public Task<Reply> StartAsync(TurnContext turn, CancellationToken ct) => Task.FromResult(Reply.None);

    public Task<Reply> ContinueAsync(TurnContext turn, CancellationToken ct)
    {
        turn.EndDialog();
        return Task.FromResult(Reply.None);
    }

    public async Task<Reply> OnButtonAsync(TurnContext turn, string action, CancellationToken ct)
    {
        var parts = action.Split(':');
        if (parts.Length != 2 || !int.TryParse(parts[1], out var id) || await tasks.FindAsync(id, ct) is not { } task)
            return Reply.Text("这个任务已经取消了。");
        var outcome = parts[0] switch
        {
            "accept" => await tasks.AcceptAsync(task, turn.User, turn.Message.ResponseCode, ct),
            "decline" => await tasks.DeclineAsync(task, turn.User, turn.Message.ResponseCode, ct),
            _ => new TaskAnswerOutcome(false, "这个按钮已经失效了。"),
        };
        return Reply.Text(outcome.Text);
    }
}
