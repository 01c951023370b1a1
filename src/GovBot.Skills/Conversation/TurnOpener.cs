using GovBot.Skills.Nlu;

namespace GovBot.Skills.Conversation;

/// <summary>
/// The part of a turn that needs nothing from the store: the flood guard, and what the router makes of a text
/// message. A configured language model may take seconds to answer, so the host runs this before the turn's
/// transaction takes the store's write lock, and other members' turns do not wait on the model.
/// </summary>
public sealed class TurnOpener(TurnRateLimiter limiter, IIntentRouter router)
{
    /// <summary>Whether opening a turn never waits on a model (see <see cref="IIntentRouter.AnswersAtOnce"/>).</summary>
    public bool AnswersAtOnce => router.AnswersAtOnce;

    public async Task<TurnStart> BeginAsync(IncomingMessage message, CancellationToken ct)
    {
        var verdict = await limiter.CheckAsync(message.UserId, ct);
        if (verdict != RateVerdict.Allowed) return new TurnStart(verdict, null);
        var nlu = message.Kind == MessageKind.Text && !string.IsNullOrWhiteSpace(message.Text)
            ? await router.ParseAsync(message.Text, ct)
            : null;
        return new TurnStart(verdict, nlu);
    }
}
