namespace GovBot.Host.Turns;

/// <summary>
/// Thrown just before a turn's commit when the member's lease was lost meanwhile (a renewal found it gone): another
/// host may be running the same messages, so this try is rolled back whole rather than answered twice or out of order.
/// The store's own check that the row is still pending fences what slips between this check and the commit.
/// </summary>
internal sealed partial class LeaseLost() : Exception("The member's turn lease was lost before the turn could commit.")
{
    public static void ThrowIf(CancellationToken leaseLost)
    {
        if (leaseLost.IsCancellationRequested) throw new LeaseLost();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Turn for inbox message {InboxId} of {UserId} lost the member's lease (a renewal failed or came too late); another host runs it, nothing of this try was kept")]
    public static partial void Log(ILogger logger, long inboxId, string userId);
}
