using System.Globalization;

namespace GovBot.Skills.Conversation;

/// <summary>
/// A resident's own words shown back to them or to staff: whole when short, otherwise the start and how long the whole
/// is. Echoing a 5,000-character report in every summary and card would bury the question under it and run past
/// WeCom's message limits; the whole text is kept in the store.
/// </summary>
public static class Quote
{
    public const int ShownCharacters = 200;

    public static string Short(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var trimmed = text.Trim();
        var length = new StringInfo(trimmed).LengthInTextElements;
        if (length <= ShownCharacters) return trimmed;
        var start = new StringInfo(trimmed).SubstringByTextElements(0, ShownCharacters).TrimEnd();
        return string.Create(CultureInfo.InvariantCulture, $"{start}…（共{length}字）");
    }
}
