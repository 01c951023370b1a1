using GovBot.Data.People;
using GovBot.Skills.MyRequests;

namespace GovBot.Skills.CheckIns;

/// <summary>我的报到: the member's current check-in, in the list of 我的事项.</summary>
public sealed class CheckInRequestsSource(CheckInService checkIns) : IMyRequestsSource
{
    public IReadOnlyList<string> Keywords { get; } = ["报到", "报道"];

    public bool HasTickets => false;

    public string? EmptyText => "您还没有报到。党员说「我要报到」就可以在居住的社区报到，两分钟就好。";

    public async Task<IReadOnlyList<RequestLine>> ListAsync(Person person, int take, CancellationToken ct)
    {
        if (await checkIns.ActiveAsync(person.Id, ct) is not { } c) return [];
        var status = CheckInWording.Status(c.Status);
        var text = $"双报到（{CheckInWording.Date(c.SubmittedAt)}提交）：{status}";
        if (c.ReturnReason is { } reason && c.Status == Data.CheckIns.CheckInStatus.Returned) text += $"，原因：{reason}";
        var into = string.Join("、", new[] { c.CompoundBranch?.Name, c.GridGroup?.Name }.OfType<string>());
        if (into.Length > 0) text += $"，已编入{into}";
        text += "\n" + CheckInWording.Describe(c);
        return [new RequestLine(c.SubmittedAt, text)];
    }

    public Task<string?> DescribeAsync(Person person, string ticket, CancellationToken ct) => Task.FromResult<string?>(null);
}
