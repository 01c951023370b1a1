using GovBot.Data.People;
using GovBot.Skills.CheckIns;
using GovBot.Skills.MyRequests;

namespace GovBot.Skills.Volunteers;

/// <summary>我的申请: the person's requests to join volunteer teams, with the decision and its reason, in 我的事项.</summary>
public sealed class VolunteerJoinRequestsSource(VolunteerTeamService teams) : IMyRequestsSource
{
    public IReadOnlyList<string> Keywords { get; } = ["志愿", "入队"];

    public bool HasTickets => false;

    public string? EmptyText => "您还没有申请加入志愿服务队。说「我想当志愿者」看看社区有哪些队。";

    public async Task<IReadOnlyList<RequestLine>> ListAsync(Person person, int take, CancellationToken ct)
    {
        var requests = await teams.LatestOfAsync(person.Id, take, ct);
        return requests.Select(r => new RequestLine(r.RequestedAt, Line(r))).ToList();
    }

    public Task<string?> DescribeAsync(Person person, string ticket, CancellationToken ct) => Task.FromResult<string?>(null);

    private static string Line(VolunteerJoinRequest r)
    {
        var text = $"申请加入{r.Team!.Name}（{CheckInWording.Date(r.RequestedAt)}）：";
        return text + r.Status switch
        {
            VolunteerJoinStatus.Pending => $"等{VolunteerWording.Decider(r.Team)}审核",
            VolunteerJoinStatus.Approved => "已同意，您是队员了",
            _ => $"已婉拒，原因：{r.DeclineReason}",
        };
    }
}
