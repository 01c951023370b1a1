namespace GovBot.Emulator;

/// <summary>The planned outcome of the coming API calls: a fault, or null to answer normally.</summary>
internal sealed class StandInFaultQueue
{
    private readonly Queue<StandInFault?> _planned = new();
    private readonly Lock _gate = new();

    public void Add(StandInFault fault, int count, int afterCalls)
    {
        lock (_gate)
        {
            for (var i = 0; i < afterCalls; i++) _planned.Enqueue(null);
            for (var i = 0; i < count; i++) _planned.Enqueue(fault);
        }
    }

    public StandInFault? Next()
    {
        lock (_gate) return _planned.TryDequeue(out var fault) ? fault : null;
    }

    public void Clear()
    {
        lock (_gate) _planned.Clear();
    }
}
