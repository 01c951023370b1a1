using GovBot.Data.People;
using GovBot.Skills.Conversation;

namespace GovBot.Skills.MyRequests;

/// <summary>
/// A list a grid worker or staff member keeps in the place of a resident's 我的上报: 我的待办, 今日巡查, 待审核.
/// Only someone with one of <see cref="For"/> gets it; anyone else who says the same words gets their own 我的事项,
/// never another person's work.
/// </summary>
public interface IDeskView
{
    /// <summary>The roles it is for; the menu shows it to them only.</summary>
    Roles For { get; }

    /// <summary>Who it is for, in words: "网格员", "社区工作人员".</summary>
    string Audience { get; }

    /// <summary>Words that ask for it: "待办", "巡查", "审核".</summary>
    IReadOnlyList<string> Keywords { get; }

    /// <summary>Its line in the help menu (with <see cref="For"/> as the entry's roles).</summary>
    MenuEntry Menu { get; }

    /// <summary>Whether it answers a worker's 我的事项 said without naming a list (查进度, 我的事项): the 待办.</summary>
    bool IsDefault => false;

    Task<Reply> ShowAsync(TurnContext turn, CancellationToken ct);
}

/// <summary>
/// A worker acting on a ticket by text (「受理 S1001」), where the card's buttons are out of reach. Null when the
/// message is not such a command for this person: it then reads as 查进度.
/// </summary>
public interface ITicketCommand
{
    Task<Reply?> TryAsync(TurnContext turn, string ticket, CancellationToken ct);
}
