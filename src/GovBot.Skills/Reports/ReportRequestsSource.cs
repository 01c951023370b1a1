using System.Text;
using GovBot.Data;
using GovBot.Data.People;
using GovBot.Skills.MyRequests;
using Microsoft.EntityFrameworkCore;

namespace GovBot.Skills.Reports;

/// <summary>Reports in 我的上报 and 查进度: status, place and every step with who and when.</summary>
public sealed class ReportRequestsSource(GovBotDb db, ReportService reports) : IMyRequestsSource
{
    public IReadOnlyList<string> Keywords { get; } = ["上报", "反映", "说事", "问题"];

    public async Task<IReadOnlyList<RequestLine>> ListAsync(Person person, int take, CancellationToken ct) =>
        (await reports.MineAsync(person, take, ct))
            .Select(r => new RequestLine(r.CreatedAt,
                $"{r.Ticket} {r.Category!.Name}（{ReportWording.Place(r)}）：{ReportWording.Status(r.Status)}"))
            .ToList();

    public async Task<string?> DescribeAsync(Person person, string ticket, CancellationToken ct)
    {
        var report = await reports.FindByTicketAsync(ticket, ct);
        if (report is null) return null;
        var follows = await db.ReportFollowers.AnyAsync(f => f.ReportId == report.Id && f.PersonId == person.Id, ct);
        if (report.ReporterId != person.Id && !follows && !await reports.CanWorkAsync(report, person, ct))
            return $"{report.Ticket} 不是您反映的问题，只能查看自己的。";

        var events = await db.ReportEvents.Where(e => e.ReportId == report.Id).OrderBy(e => e.At).ThenBy(e => e.Id)
            .Select(e => new { e.At, e.Action, e.Note, Actor = e.Actor != null ? e.Actor.Name : null, ActorIsReporter = e.ActorId == report.ReporterId })
            .ToListAsync(ct);
        var text = new StringBuilder($"{report.Ticket} {report.Category!.Name}（{ReportWording.Place(report)}）\n现在：{ReportWording.Status(report.Status)}");
        if (report.ResultNote is { } result) text.Append("\n处理结果：").Append(result);
        foreach (var e in events)
        {
            // Residents see staff names (they are public on the grid notice board) but never another resident's.
            var who = e.Actor is null || e.ActorIsReporter ? "" : e.Actor;
            text.Append('\n').Append(ReportWording.Local(e.At)).Append(' ').Append(who).Append(e.Action);
            if (e.Action is "转交" or "提交协商" or "驳回" && e.Note is { } note) text.Append('：').Append(note);
        }
        return text.ToString();
    }
}
