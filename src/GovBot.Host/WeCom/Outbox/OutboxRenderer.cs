using System.Text;
using System.Text.RegularExpressions;
using GovBot.Host.WeCom.Api;
using GovBot.Skills.Conversation;

namespace GovBot.Host.WeCom.Outbox;

/// <summary>Turns channel-neutral reply parts into WeCom messages.</summary>
public static partial class OutboxRenderer
{
    /// <summary>
    /// The message for one batch of recipients. A button card needs a task_id unique per send,
    /// so batches after the first get "-b{index}" appended; the card event handler strips it.
    /// </summary>
    /// <param name="defaultTaskId">Used when a card has no TaskId; must be stable across retries of a row.</param>
    /// <exception cref="OutboxRenderException">The part cannot be sent as it is.</exception>
    public static WeComMessage RenderMessage(ReplyPart part, string toUser, string defaultTaskId, int batchIndex) => part switch
    {
        TextPart text => Text(toUser, text.Text),
        ChoicesPart choices => Text(toUser, Numbered(choices)),
        CardPart { Buttons.Count: > 0 } card => ButtonCard(toUser, card, BatchTaskId(card.TaskId ?? defaultTaskId, batchIndex)),
        CardPart card => Text(toUser, string.Join('\n', new[] { card.Title, card.Description }.Where(s => !string.IsNullOrWhiteSpace(s)))),
        CardUpdate => throw new OutboxRenderException("A card update is not a message; render it with RenderUpdate."),
        _ => throw new OutboxRenderException($"No WeCom form for reply part {part.GetType().Name}."),
    };

    /// <summary>
    /// The messages one part goes out as: a text too long for one WeCom message becomes several, split at line or
    /// sentence ends, so nothing is cut off; a button card is always one message.
    /// </summary>
    public static IReadOnlyList<ReplyPart> Pieces(ReplyPart part)
    {
        var text = part switch
        {
            TextPart t => t.Text,
            ChoicesPart choices => Numbered(choices),
            CardPart { Buttons.Count: 0 } card => string.Join('\n', new[] { card.Title, card.Description }.Where(s => !string.IsNullOrWhiteSpace(s))),
            _ => null,
        };
        if (text is null || Encoding.UTF8.GetByteCount(text) <= WeComTextMessage.MaxContentBytes) return [part];
        return [.. WeComTextSplitter.Split(text, WeComTextMessage.MaxContentBytes).Select(p => new TextPart(p))];
    }

    /// <summary>Greys out the buttons on every copy of the card (atall), since the response_code works only once.</summary>
    public static WeComTemplateCardUpdate RenderUpdate(CardUpdate update)
    {
        if (string.IsNullOrWhiteSpace(update.ResponseCode)) throw new OutboxRenderException("A card update needs a response_code.");
        if (string.IsNullOrWhiteSpace(update.ReplacementText)) throw new OutboxRenderException("A card update needs replacement text.");
        return new WeComTemplateCardUpdate
        {
            AtAll = true,
            ResponseCode = update.ResponseCode,
            Button = new WeComReplaceButton(update.ReplacementText),
        };
    }

    public static string BatchTaskId(string taskId, int batchIndex) => batchIndex == 0 ? taskId : $"{taskId}-b{batchIndex}";

    /// <summary>Cuts text to WeCom's byte limit at a character boundary, marking the cut with "…".</summary>
    public static string FitUtf8(string text, int maxBytes)
    {
        if (Encoding.UTF8.GetByteCount(text) <= maxBytes) return text;
        const string ellipsis = "…";
        var budget = maxBytes - Encoding.UTF8.GetByteCount(ellipsis);
        var cut = new StringBuilder();
        foreach (var rune in text.EnumerateRunes())
        {
            budget -= rune.Utf8SequenceLength;
            if (budget < 0) break;
            cut.Append(rune.ToString());
        }
        return cut.Append(ellipsis).ToString();
    }

    private static WeComTextMessage Text(string toUser, string content)
    {
        if (string.IsNullOrWhiteSpace(content)) throw new OutboxRenderException("The text is empty; WeCom refuses empty messages.");
        return new WeComTextMessage { ToUser = toUser, Text = new WeComTextContent(FitUtf8(content, WeComTextMessage.MaxContentBytes)) };
    }

    private static string Numbered(ChoicesPart choices)
    {
        var text = new StringBuilder(choices.Prompt);
        for (var i = 0; i < choices.Options.Count; i++)
            text.Append('\n').Append(i + 1).Append(". ").Append(choices.Options[i]);
        return text.ToString();
    }

    private static WeComTemplateCardMessage ButtonCard(string toUser, CardPart card, string taskId)
    {
        if (card.Buttons.Count > WeComTemplateCard.MaxButtons)
            throw new OutboxRenderException($"A card has {card.Buttons.Count} buttons; WeCom shows at most {WeComTemplateCard.MaxButtons}.");
        if (string.IsNullOrWhiteSpace(card.Title)) throw new OutboxRenderException("A button card needs a title.");
        if (!TaskIdPattern().IsMatch(taskId) || Encoding.UTF8.GetByteCount(taskId) > WeComTemplateCard.MaxTaskIdBytes)
            throw new OutboxRenderException("The card's TaskId must be letters, digits and \"_-@\", at most 128 bytes.");
        if (card.Buttons.Any(b => string.IsNullOrWhiteSpace(b.Key) || string.IsNullOrWhiteSpace(b.Text)))
            throw new OutboxRenderException("Every card button needs a key and a text.");

        return new WeComTemplateCardMessage
        {
            ToUser = toUser,
            TemplateCard = new WeComTemplateCard
            {
                CardType = WeComTemplateCard.ButtonInteraction,
                MainTitle = new WeComCardMainTitle(card.Title),
                SubTitleText = string.IsNullOrWhiteSpace(card.Description) ? null : card.Description,
                TaskId = taskId,
                ButtonList = card.Buttons
                    .Select(b => new WeComCardButton(b.Text, b.Key, b.Primary ? WeComCardButton.PrimaryStyle : WeComCardButton.PlainStyle))
                    .ToList(),
            },
        };
    }

    [GeneratedRegex("^[A-Za-z0-9_@-]+$")]
    private static partial Regex TaskIdPattern();
}
