using GovBot.Skills.Reminders;
using GovBot.Skills.Reports;

namespace GovBot.Skills.WorkerDesk;

/// <summary>
/// 日巡查, 08:00: each grid worker gets the reports still open in their grids (<see cref="GridPatrol"/>, the same list
/// 今日巡查 shows in the chat), so the morning round starts with them. A worker whose grids have none gets nothing.
/// One push per worker per local day.
/// </summary>
public sealed class PatrolReminder(GridPatrol patrol, ReminderPusher pusher, TimeProvider time) : IReminder
{
    public const string Kind = "patrol";

    public async Task<int> RunAsync(CancellationToken ct)
    {
        var today = ChinaTime.Today(time.GetUtcNow());
        var pushed = 0;
        foreach (var worker in await patrol.AllAsync(ct))
        {
            var text = GridPatrol.Text(today, worker.Reports);
            if (await pusher.PushAsync(Kind, $"reminder:{Kind}:{worker.PersonId}:{today:yyyy-MM-dd}", text, [worker.WeComUserId], ct))
                pushed++;
        }
        return pushed;
    }
}
