using GovBot.Data.People;

namespace GovBot.Skills.Handoff;

/// <summary>
/// How a handoff went beyond the card: nobody took the conversation itself, or this person did. <see cref="Told"/>: the
/// channel already told the resident who took it (微信客服 allows no ordinary message once a person has the session, only
/// the one that goes with the change), so the skill adds no answer of its own.
/// </summary>
public sealed record HandoffTransferOutcome(Person? TakenBy, bool Tried, bool Told = false)
{
    /// <summary>The channel has no way to hand the conversation over (the WeCom app): the card is the handoff.</summary>
    public static HandoffTransferOutcome None { get; } = new(null, false);

    /// <summary>The channel tried and nobody could take it (not a servicer, WeCom refused): the card still went.</summary>
    public static HandoffTransferOutcome Refused { get; } = new(null, true);
}

/// <summary>
/// Hands the conversation itself to a person, where the resident's channel can (微信客服: <c>service_state/trans</c> puts a
/// grid worker on the session). Called after the card went, with the desk's people in the desk's order; the first who
/// can take it does. The default does nothing; the host supplies the customer-service one.
/// </summary>
public interface IHandoffTransfer
{
    Task<HandoffTransferOutcome> TransferAsync(Person resident, IReadOnlyList<Person> people, CancellationToken ct);
}

/// <summary>No channel of this host hands conversations over: the WeCom card is all there is.</summary>
public sealed class NoHandoffTransfer : IHandoffTransfer
{
    public Task<HandoffTransferOutcome> TransferAsync(Person resident, IReadOnlyList<Person> people, CancellationToken ct) =>
        Task.FromResult(HandoffTransferOutcome.None);
}
