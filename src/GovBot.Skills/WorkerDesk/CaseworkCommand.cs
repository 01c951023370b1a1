using GovBot.Data.People;
using GovBot.Skills.Conversation;
using GovBot.Skills.MyRequests;
using GovBot.Skills.Reports;

namespace GovBot.Skills.WorkerDesk;

/// <summary>
/// 「受理 S1001」「办结 S1001」 (and 转交, 协商, 驳回) by text, for a worker whose card scrolled away: the same flows as the
/// card's buttons (<see cref="CaseworkSkill.StartMoveAsync"/>), with the same checks of who may move what. Only a
/// message that is the verb and the ticket and nothing more counts, so 「S1001办结了吗」 stays a question for 查进度.
/// </summary>
public sealed class CaseworkCommand(CaseworkSkill casework, ReportService reports) : ITicketCommand
{
    private const Roles Workers = Roles.GridWorker | Roles.Staff | Roles.Secretary | Roles.CountyAdmin;

    private static readonly (string Word, string Move)[] Moves =
    [
        ("受理", CaseworkSkill.Accept), ("办结", CaseworkSkill.Handle), ("转交", CaseworkSkill.Handover),
        ("协商", CaseworkSkill.Deliberate), ("驳回", CaseworkSkill.Reject),
    ];

    /// <summary>What may stand around the verb without making it a question: 「我来受理」「办结了」「受理一下」.</summary>
    private static readonly string[] Before = ["我来", "我要", "我"], After = ["一下", "了"];

    public async Task<Reply?> TryAsync(TurnContext turn, string ticket, CancellationToken ct)
    {
        if ((turn.User.Roles & Workers) == 0 || Verb(turn.Text, ticket) is not { } move) return null;
        if (await reports.FindByTicketAsync(ticket, ct) is not { } report) return null;
        return await casework.StartMoveAsync(turn, move, report.Id, ct);
    }

    /// <summary>The move the message names, when it is only a verb and the ticket, in either order.</summary>
    internal static string? Verb(string text, string ticket)
    {
        var rest = new string([.. text.ToUpperInvariant().Replace(ticket, "", StringComparison.Ordinal).Where(char.IsLetterOrDigit)]);
        rest = Trim(rest, Before, start: true);
        rest = Trim(rest, After, start: false);
        return Moves.FirstOrDefault(m => m.Word == rest).Move;
    }

    private static string Trim(string text, string[] words, bool start)
    {
        foreach (var w in words)
            if (start ? text.StartsWith(w, StringComparison.Ordinal) : text.EndsWith(w, StringComparison.Ordinal))
                return start ? text[w.Length..] : text[..^w.Length];
        return text;
    }
}
