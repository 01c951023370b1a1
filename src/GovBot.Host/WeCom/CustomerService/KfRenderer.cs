using System.Text;
using GovBot.Host.WeCom.Outbox;
using GovBot.Skills.Conversation;

namespace GovBot.Host.WeCom.CustomerService;

/// <summary>
/// Reply parts as WeChat users can get them: text as text; choices and button cards (which WeChat cannot show) as a
/// menu message whose items come back, tapped, as the choice's words or the button's click (<see cref="KfInbound"/>).
/// </summary>
public static class KfRenderer
{
    public const int MaxTextBytes = 2048;
    /// <summary>More items than this go out as a numbered list, which the resident answers by number.</summary>
    public const int MaxMenuItems = 10;

    public sealed record Body(string MsgType, KfText? Text, KfMenu? Menu);

    /// <summary>The messages one part goes out as, in order; a long text becomes several.</summary>
    public static IReadOnlyList<Body> Render(ReplyPart part) => part switch
    {
        ChoicesPart { Options.Count: > 0 and <= MaxMenuItems } choices => [Menu(choices.Prompt,
            choices.Options.Select((o, i) => new KfMenuClick($"{KfInbound.ChoiceIdPrefix}{i + 1}", o)))],
        CardPart { Buttons.Count: > 0 and <= MaxMenuItems } card => [Menu(Join(card.Title, card.Description),
            card.Buttons.Select(b => new KfMenuClick(b.Key, b.Text)))],
        CardPart card => Texts(Join(card.Title, card.Description, string.Join("  ", card.Buttons.Select(b => b.Text)))),
        ChoicesPart choices => Texts(Numbered(choices)),
        TextPart text => Texts(text.Text),
        _ => throw new OutboxRenderException($"No customer-service form for reply part {part.GetType().Name}."),
    };

    /// <summary>Several texts to one resident as one message, when together they still fit.</summary>
    public static bool FitsTogether(IEnumerable<string> texts) =>
        Encoding.UTF8.GetByteCount(string.Join(Separator, texts)) <= MaxTextBytes;

    public const string Separator = "\n\n";

    private static Body Menu(string head, IEnumerable<KfMenuClick> items) =>
        new("msgmenu", null, new KfMenu(OutboxRenderer.FitUtf8(head, 1024), [.. items.Select(c => new KfMenuItem("click", c))]));

    private static IReadOnlyList<Body> Texts(string text)
    {
        if (string.IsNullOrWhiteSpace(text)) throw new OutboxRenderException("The text is empty; WeCom refuses empty messages.");
        return [.. WeComTextSplitter.Split(text, MaxTextBytes).Select(t => new Body("text", new KfText(t), null))];
    }

    private static string Join(params string?[] lines) => string.Join('\n', lines.Where(s => !string.IsNullOrWhiteSpace(s)));

    private static string Numbered(ChoicesPart choices)
    {
        var text = new StringBuilder(choices.Prompt);
        for (var i = 0; i < choices.Options.Count; i++) text.Append('\n').Append(i + 1).Append(". ").Append(choices.Options[i]);
        return text.ToString();
    }
}
