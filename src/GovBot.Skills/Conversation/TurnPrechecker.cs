using GovBot.Skills.Conversation.Forms;
using GovBot.Skills.Nlu;

namespace GovBot.Skills.Conversation;

/// <summary>
/// The part of a turn that needs nothing from the store: the flood guard, and what the router makes of a text
/// message. A configured language model may take seconds to answer, so the host runs this before the turn's
/// transaction takes the store's write lock, and other members' turns do not wait on the model.
/// </summary>
public sealed class TurnPrechecker(TurnRateLimiter limiter, IIntentRouter router, DialogStore dialogs)
{
    /// <summary>Whether a precheck never waits on a model (see <see cref="IIntentRouter.AnswersAtOnce"/>).</summary>
    public bool AnswersAtOnce => router.AnswersAtOnce;

    public async Task<TurnPrecheck> CheckAsync(IncomingMessage message, CancellationToken ct)
    {
        var verdict = await limiter.CheckAsync(message.UserId, ct);
        if (verdict != RateVerdict.Allowed) return new TurnPrecheck(verdict, null);
        var nlu = message.Kind == MessageKind.Text && !string.IsNullOrWhiteSpace(message.Text)
            ? await router.ParseAsync(message.Text, ct)
            : null;
        return new TurnPrecheck(verdict, nlu) { SurelyWrites = await SurelyWritesAsync(message, ct) };
    }

    /// <summary>
    /// A yes to a form's summary files what it collected; a tap on a task card accepts, rates or hands over. Tried
    /// read-only first, such a turn would run twice. The dialog is read only for a yes, so other turns pay nothing.
    /// </summary>
    private async Task<bool> SurelyWritesAsync(IncomingMessage message, CancellationToken ct) => message.Kind switch
    {
        MessageKind.Event => message.EventName == "template_card_event",
        MessageKind.Text => YesNo.Read(message.Text ?? "") == Answer.Yes
            && (await dialogs.GetAsync(message.UserId, ct))?.Step == DialogState.ConfirmStep,
        _ => false,
    };
}
