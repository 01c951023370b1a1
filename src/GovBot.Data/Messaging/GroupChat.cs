using GovBot.Data.Places;

namespace GovBot.Data.Messaging;

/// <summary>
/// A WeCom group chat the app created for a grid (appchat/create): its workers and the members staff chose. Grid
/// announcements (停水通知, 联席会议 notices) go to it through the outbox (<see cref="OutboxMessage.ChatId"/>).
/// </summary>
public class GroupChat
{
    public int Id { get; set; }
    public int GridId { get; set; }
    public Grid? Grid { get; set; }
    /// <summary>WeCom's chatid: chosen by the host (letters and digits, at most 32) so a retried create names the same chat.</summary>
    [System.ComponentModel.DataAnnotations.MaxLength(32)]
    public required string ChatId { get; set; }
    [System.ComponentModel.DataAnnotations.MaxLength(50)]
    public required string Name { get; set; }
    /// <summary>The members' WeCom user ids at creation, joined by '|' (members added in WeCom later are not seen here).</summary>
    public required string Members { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public int? CreatedById { get; set; }
}
