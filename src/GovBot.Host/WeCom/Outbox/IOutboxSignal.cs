namespace GovBot.Host.WeCom.Outbox;

/// <summary>Call after committing outbox rows so they go out now rather than at the next poll.</summary>
public interface IOutboxSignal
{
    void Signal();
}
