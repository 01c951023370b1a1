namespace GovBot.Emulator;

/// <summary>
/// One line of a user's chat in the emulator, as the page and the terminal show it.
/// <see cref="Seq"/> counts across all users, so a client polls with "after the last one I saw".
/// </summary>
/// <param name="From">Who it came from: <see cref="ChatFrom"/>.</param>
/// <param name="Type">What it is: <see cref="ChatTypes"/>.</param>
public sealed record ChatEntry(long Seq, string User, string From, string Type, DateTimeOffset At)
{
    public string? Text { get; init; }

    /// <summary>For a picture the user sent: where the page can show it.</summary>
    public string? ImageUrl { get; init; }

    /// <summary>For a card and a card update: the card's task id (what a tap and an update name).</summary>
    public string? TaskId { get; init; }

    public ChatCard? Card { get; init; }
}

/// <param name="ReplacedWith">Set once the card was updated: its buttons are then greyed out behind this text.</param>
public sealed record ChatCard(string Title, string? Description, IReadOnlyList<ChatButton> Buttons, string? ReplacedWith = null);

public sealed record ChatButton(string Key, string Text, bool Primary);

public static class ChatFrom
{
    public const string Me = "me";
    public const string Bot = "bot";

    /// <summary>The emulator's own remarks, e.g. that a message did not get through.</summary>
    public const string System = "system";
}

public static class ChatTypes
{
    public const string Text = "text";
    public const string Image = "image";
    public const string Location = "location";
    public const string Tap = "tap";
    public const string Card = "card";

    /// <summary>A card shown earlier changed: the client greys out the card with <see cref="ChatEntry.TaskId"/>.</summary>
    public const string CardUpdate = "card_update";
}

/// <summary>A user's entries after a point, and the newest sequence number of all users (to poll from).</summary>
public sealed record ChatPage(IReadOnlyList<ChatEntry> Entries, long Last);
