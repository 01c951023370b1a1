namespace GovBot.Data.Store;

/// <summary>
/// Lets this process's hot writers (turns, accepted callbacks, the outbox) take SQLite's single write lock one
/// after another. Left to SQLite, writers that find the lock taken sleep and poll (its busy handler), so under
/// load the lock sits idle while they sleep and more messages in flight meant fewer handled per second. Writers in
/// another process, or ones that skip the gate, still meet SQLite's own locking, so the gate is an optimisation,
/// never a requirement for correctness.
/// </summary>
public sealed class StoreWriteGate
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    public async ValueTask<Passage> EnterAsync(CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        return new Passage(_gate);
    }

    public readonly struct Passage(SemaphoreSlim gate) : IDisposable
    {
        public void Dispose() => gate.Release();
    }
}
