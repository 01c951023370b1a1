using GovBot.Skills.Conversation.Forms;
using GovBot.Skills.Nlu;
using GovBot.Skills.Voice;

namespace GovBot.Skills.Conversation;

/// <summary>
/// The part of a turn that needs nothing from the store: the flood guard, and what the router makes of a text
/// message. A configured language model may take seconds to answer, so the host runs this before the turn's
/// transaction takes the store's write lock, and other members' turns do not wait on the model.
/// </summary>
/// <remarks>A voice message is listened to here too (fetched and transcribed), for the same reason.</remarks>
public sealed class TurnPrechecker(TurnRateLimiter limiter, IIntentRouter router, DialogStore dialogs, VoiceListener voices, AttachmentGate attachments)
{
    /// <summary>Whether a precheck never waits on a model (see <see cref="IIntentRouter.AnswersAtOnce"/>).</summary>
    public bool AnswersAtOnce => router.AnswersAtOnce;

    /// <summary>Whether the precheck of <paramref name="message"/> may wait on a model or a transcription endpoint.</summary>
    public bool WaitsOn(IncomingMessage message) =>
        !router.AnswersAtOnce || (message.Kind == MessageKind.Voice && voices.Enabled) || message.Kind is MessageKind.Video or MessageKind.File;

    public async Task<TurnPrecheck> CheckAsync(IncomingMessage message, CancellationToken ct)
    {
        var verdict = await limiter.CheckAsync(message.UserId, ct);
        if (verdict != RateVerdict.Allowed) return new TurnPrecheck(verdict, null);
        if (message.Kind == MessageKind.Voice)
        {
            var voice = await voices.ListenAsync(message, ct);
            if (voice.Transcript is not { } heard) return new TurnPrecheck(verdict, null) { Voice = voice };
            // The words are the message from here on: routed, and (at a summary) read as a yes, like typed text.
            var typed = Heard(message, heard);
            return new TurnPrecheck(verdict, await router.ParseAsync(heard, ct)) { Voice = voice, SurelyWrites = await SurelyWritesAsync(typed, ct) };
        }
        // A video or file is only kept with a dialog (a report) under way; fetched here to refuse it at once if it cannot be.
        if (message.Kind is MessageKind.Video or MessageKind.File && await dialogs.GetAsync(message.UserId, ct) is not null)
            return new TurnPrecheck(verdict, null) { Attachment = await attachments.CheckAsync(message, ct) };
        var nlu = message.Kind == MessageKind.Text && !string.IsNullOrWhiteSpace(message.Text)
            ? await router.ParseAsync(message.Text, ct)
            : null;
        return new TurnPrecheck(verdict, nlu) { SurelyWrites = await SurelyWritesAsync(message, ct) };
    }

    /// <summary>A voice whose words were heard, as the text message it stands for.</summary>
    public static IncomingMessage Heard(IncomingMessage voice, string transcript) =>
        voice with { Kind = MessageKind.Text, Text = transcript };

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
