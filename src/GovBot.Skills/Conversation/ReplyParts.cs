using System.Text.Json.Serialization;

namespace GovBot.Skills.Conversation;

/// <summary>One piece of a reply, independent of the channel; the host renders it for WeCom.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "kind")]
[JsonDerivedType(typeof(TextPart), "text")]
[JsonDerivedType(typeof(ChoicesPart), "choices")]
[JsonDerivedType(typeof(CardPart), "card")]
[JsonDerivedType(typeof(CardUpdate), "card_update")]
public abstract record ReplyPart;

public sealed record TextPart(string Text) : ReplyPart;

/// <summary>A numbered list; the user answers with the number or the words.</summary>
public sealed record ChoicesPart(string Prompt, IReadOnlyList<string> Options) : ReplyPart;

/// <summary>
/// A card, with buttons when the reader must act (rendered as a WeCom template_card).
/// <paramref name="TaskId"/> identifies the card so it can be updated for everyone who got it.
/// </summary>
public sealed record CardPart(string Title, string Description, IReadOnlyList<CardButton> Buttons, string? TaskId = null) : ReplyPart;

/// <param name="Key">Comes back in the template_card_event when tapped, e.g. "report:accept:17".</param>
public sealed record CardButton(string Key, string Text, bool Primary = false);

/// <summary>
/// Replaces the buttons of a card already pushed (WeCom update_template_card) with a greyed-out label.
/// <paramref name="ResponseCode"/> comes from the template_card_event of a tap and lets every recipient's card change at once.
/// </summary>
public sealed record CardUpdate(string TaskId, string ReplacementText, string ResponseCode) : ReplyPart;
