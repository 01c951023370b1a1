using System.Collections.Concurrent;
using GovBot.Data.Messaging;
using GovBot.Skills.Conversation;

namespace GovBot.Host.Turns;

/// <summary>An inbox row read back as a message, with its precheck; <paramref name="KnownToWrite"/> skips the read-only try.</summary>
public sealed record PreparedTurn(IncomingMessage Message, TurnPrecheck Precheck, bool KnownToWrite);

/// <summary>
/// Reads an inbox row back into a message and prechecks it (flood guard, intent) outside the store's write lock: a
/// language model may take seconds. A precheck made inside a callback whose turn was then left to its drain (known to
/// write, or refused there) is kept by inbox id: the drain neither counts the message against the flood guard again
/// nor tries it read-only a second time.
/// </summary>
public sealed class PreparedTurns(IInboundReader reader, TurnPrechecker prechecker)
{
    /// <summary>More than this many prechecks not yet drained means drains happen elsewhere: forget them.</summary>
    private const int MaxLeft = 10_000;
    private readonly ConcurrentDictionary<long, TurnPrecheck> _left = new();

    /// <summary>Whether the row's precheck never waits on a model or a transcription, so its turn may run inside its callback.</summary>
    public bool AnswersAtOnce(InboxMessage row) => prechecker.AnswersAtOnce && !prechecker.WaitsOn(Read(row));

    private IncomingMessage Read(InboxMessage row) => reader.Read(row) with { CorrelationId = row.CorrelationId };

    /// <summary>For a turn inside its callback.</summary>
    public Task<PreparedTurn> PrepareAsync(InboxMessage row, CancellationToken ct) => PrepareAsync(Read(row), ct);

    /// <summary>For the drain: the callback's precheck when it left one, else a fresh one.</summary>
    public async Task<PreparedTurn> PrepareForDrainAsync(InboxMessage row, CancellationToken ct)
    {
        var message = Read(row);
        return _left.TryRemove(row.Id, out var left)
            ? new PreparedTurn(message, left, KnownToWrite: true)
            : await PrepareAsync(message, ct);
    }

    private async Task<PreparedTurn> PrepareAsync(IncomingMessage message, CancellationToken ct)
    {
        var precheck = await prechecker.CheckAsync(message, ct);
        return new PreparedTurn(message, precheck, precheck.SurelyWrites);
    }

    /// <summary>Keeps the precheck of a row the callback stored pending for its drain.</summary>
    public void Leave(long inboxId, TurnPrecheck precheck)
    {
        if (_left.Count < MaxLeft) _left[inboxId] = precheck;
    }
}
