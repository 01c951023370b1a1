namespace GovBot.Skills.Reminders;

/// <summary>
/// One kind of reminder: decides, from the store as it is now, who gets what, and writes those pushes to
/// the outbox with stable source keys, so that running it twice pushes nothing twice. The host's
/// scheduler runs it; tests call it directly with a fake clock.
/// </summary>
public interface IReminder
{
    /// <returns>How many pushes were added to the outbox.</returns>
    Task<int> RunAsync(CancellationToken ct);
}
