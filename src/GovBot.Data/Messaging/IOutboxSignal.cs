namespace GovBot.Data.Messaging;

/// <summary>Wakes the outbox dispatcher after a commit that added pushes, so they go out at once rather than at the next poll.</summary>
public interface IOutboxSignal
{
    void Signal();
}
